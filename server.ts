// Trustbridge's process entry point. Before the heavy modules (Next.js, Prisma, the AWS SDK) load
// — they take about a second — it reads the configuration and, on the embedded database, takes
// the one-process lock, so a misconfigured or second process says why and exits at once. Then
// server/main.ts (a chunk of its own in the bundle) starts the server.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockEmbeddedDatabase, refusalMessage } from '@/lib/server/db/embedded-lock';
import { ConfigError, getConfig, type AppConfig } from '@/lib/server/env';
import { compileRouteTable, type RouteRow } from './server/route-table';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): AppConfig {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

/** The route table the build wrote from the route files (scripts/build-server.mjs). */
function readRoutes(): RouteRow[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'routes.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RouteRow[];
  } catch (error) {
    return fail(`Cannot read the route table ${file} (${error instanceof Error ? error.message : String(error)}): run \`npm run build\`.`);
  }
}

async function start(): Promise<void> {
  const config = readConfig();
  let release = () => {};
  if (config.database.kind === 'sqlite') {
    const lock = lockEmbeddedDatabase(config.database.file);
    if (!lock.held) fail(refusalMessage(lock.pid, path.dirname(config.database.file)));
    release = lock.release;
  }
  const routes = compileRouteTable(readRoutes());
  const { runServer } = await import('./server/main');
  await runServer(config, routes, release);
}

start().catch((error: unknown) => {
  process.stderr.write(`Trustbridge failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
