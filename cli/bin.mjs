#!/usr/bin/env node
// `npx trustbridge …` inside the repository: runs the single-file CLI built by `npm run build:cli`
// (also built by `npm install`). To use it elsewhere, copy dist/trustbridge.mjs: it needs only Node.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/trustbridge.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('trustbridge: the CLI is not built yet; run `npm run build:cli` in the repository.\n');
  process.exit(1);
}
await import(pathToFileURL(built).href);
