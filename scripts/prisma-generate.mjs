#!/usr/bin/env node
// Generates one Prisma client per database family from prisma/schema.prisma (the single source of
// truth), without downloading anything: Prisma 7's CLI insists on locating a native schema engine
// before it runs any command, even though `generate` never executes it, so we point it at a no-op
// executable (see TOOLCHAIN.md). Output: lib/server/db/generated/{sqlite,postgresql}/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveSchema } from './lib/derive-schema.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const outDir = path.join(root, 'lib/server/db/generated');
mkdirSync(outDir, { recursive: true });

const noopEngine = process.platform === 'win32' ? process.execPath : '/bin/true';
for (const provider of ['sqlite', 'postgresql']) {
  const schemaPath = path.join(outDir, `${provider}.prisma`);
  writeFileSync(schemaPath, deriveSchema(source, provider));
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', schemaPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: noopEngine, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1', PRISMA_DISABLE_WARNINGS: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
}
console.log('Generated Prisma clients for sqlite and postgresql in lib/server/db/generated/');
