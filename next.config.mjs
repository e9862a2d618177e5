// @ts-check

// Pages read the per-request CSP nonce, so every page is rendered per request (no static HTML
// without a nonce). `bench.tsx` pages (the blank reference page of the page-weight budget) exist
// only in benchmark builds.
const benchBuild = process.env.TRUSTBRIDGE_BENCH_BUILD === '1';

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: benchBuild ? ['tsx', 'ts', 'bench.tsx'] : ['tsx', 'ts'],
  serverExternalPackages: ['@node-rs/argon2', '@prisma/schema-engine-wasm', 'better-sqlite3'],
  experimental: {
    serverActions: { bodySizeLimit: '64kb' },
  },
  distDir: process.env.TRUSTBRIDGE_NEXT_DIST_DIR || '.next',
  // Type checking is its own step of `npm test` (tsc --noEmit over the whole tree, tests included);
  // repeating it inside every build only makes `npm start` slower.
  typescript: { ignoreBuildErrors: true },
};

export default config;
