// `npm run build:cli`: the CLI as ONE file that needs nothing but Node ≥ 20 (no node_modules),
// to copy into an environment: dist/trustbridge.mjs.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/trustbridge.mjs');

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, 'cli/entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    // The AWS SDK (bundled: @aws-sdk/client-sts for `idp login aws` / `idp credential-process`)
    // ships ESM builds next to CommonJS ones; the CommonJS ones `require` Node built-ins, which an
    // ESM bundle cannot. Prefer the ESM builds.
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
