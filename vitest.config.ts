import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test (`lib/**/*.test.ts`); HTTP-level tests that talk to a
// running server live in `tests/http` and are selected with `--project http` by scripts/test.mjs.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests import server modules directly.
      'server-only': path.resolve(import.meta.dirname, 'scripts/lib/empty-module.mjs'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'cli/**/*.test.ts', 'server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: ['tests/http/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
