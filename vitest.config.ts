import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test (`lib/**/*.test.ts`, project `unit`). Integration
// tests (project `integration`) talk to a real production server (`tests/http`) or straight to a
// real database (`tests/db`); scripts/test.ts runs them once on SQLite and once on PostgreSQL.
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
          name: 'integration',
          include: ['tests/http/**/*.test.ts', 'tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
