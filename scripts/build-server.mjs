// Bundles the custom server (server.ts + the lib/server code it uses) into dist/server.mjs.
// Packages stay external (loaded from node_modules at run time); `server-only` — a marker that
// throws outside React Server Components — is replaced by an empty module.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer() {
  await build({
    entryPoints: [path.join(root, 'server.ts')],
    outfile: path.join(root, 'dist/server.mjs'),
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
