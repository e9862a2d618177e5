// `npm run build`: Prisma clients → Next.js production build → custom server bundle.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.mjs';
import { buildServer } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = Date.now();
run(process.execPath, ['scripts/prisma-generate.mjs']);
run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
await buildServer();
await buildCli();
console.log(`Build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
