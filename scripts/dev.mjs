// `npm run dev`: the custom server in development mode (Next's dev compiler, hot reload) on the
// same front door and issuer hot paths as production. Rebuild on server/ or lib/server changes by
// restarting this command.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.mjs';
import { buildServer } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildServer();
await buildCli();
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
