// Bundles the custom server (server.ts + the lib/server code it uses) into dist/server.mjs, and
// writes the front door's route table (dist/routes.json) from the route files on disk.
// Packages stay external (loaded from node_modules at run time); `server-only` — a marker that
// throws outside React Server Components — is replaced by an empty module. Code splitting keeps
// server/main.ts (which loads Next.js, Prisma, the AWS SDK) in a chunk of its own, so the entry can
// check the configuration and the embedded database's lock before paying for those.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeTable } from './lib/route-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer() {
  const dist = path.join(root, 'dist');
  rmSync(path.join(dist, 'server-chunks'), { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'routes.json'), `${JSON.stringify(routeTable(root), null, 1)}\n`);
  await build({
    entryPoints: { server: path.join(root, 'server.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'server-chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    alias: { 'server-only': path.join(root, 'scripts/lib/empty-module.mjs') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
