import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../lib/server/db/client';
import { migrateDatabase } from '../../lib/server/db/migrate';
import type { DatabaseConfig } from '../../lib/server/env';
import { newId } from '../../lib/server/security/ids';
import { ROOT } from '../support/server';
import { freshDatabase } from './database';

// migrateDatabase() on an empty database of this run's family (SQLite file or PostgreSQL).

function checkedInMigrations(kind: DatabaseConfig['kind']): string[] {
  const dir = path.join(ROOT, 'prisma/migrations', kind);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

const MODELS = [...readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1] ?? '');

async function tables(db: Db, kind: DatabaseConfig['kind']): Promise<string[]> {
  const rows =
    kind === 'sqlite'
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  return rows.map((r) => r.name);
}

async function migrationRows(db: Db): Promise<{ migration_name: string; finished: boolean; rolled_back: boolean }[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
  return rows.map((r) => ({ migration_name: r.migration_name, finished: r.finished_at !== null, rolled_back: r.rolled_back_at !== null }));
}

describe('migrateDatabase()', () => {
  it('applies every checked-in migration to an empty database, in order, creating every model’s table; a second run applies nothing', async () => {
    const { database, drop } = await freshDatabase();
    const expected = checkedInMigrations(database.kind);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(MODELS.length).toBeGreaterThan(10);
    // No other connection is open while migrating: on SQLite the schema engine needs the file to itself.
    const inspect = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
      const db = createDb(database);
      try {
        return await fn(db);
      } finally {
        await db.$disconnect();
      }
    };
    try {
      expect(await migrateDatabase(database, ROOT)).toEqual(expected);
      const rows = await inspect(async (db) => {
        expect(await tables(db, database.kind)).toEqual(expect.arrayContaining([...MODELS, '_prisma_migrations']));
        return migrationRows(db);
      });
      expect(rows).toEqual(expected.map((migration_name) => ({ migration_name, finished: true, rolled_back: false })));

      expect(await migrateDatabase(database, ROOT)).toEqual([]);
      expect(await migrateDatabase(database, ROOT)).toEqual([]);
      await inspect(async (db) => {
        expect(await migrationRows(db)).toEqual(rows);
        // The schema works.
        const id = newId();
        await db.organization.create({ data: { id, slug: `m-${id.slice(-8)}`, name: 'Migrated' } });
        expect((await db.organization.findUniqueOrThrow({ where: { id } })).version).toBe(1);
      });
    } finally {
      await drop();
    }
  }, 60_000);

  it('several concurrent runs on one empty database all succeed and apply each migration exactly once', async () => {
    const { database, drop } = await freshDatabase();
    const expected = checkedInMigrations(database.kind);
    try {
      const results = await Promise.allSettled([migrateDatabase(database, ROOT), migrateDatabase(database, ROOT), migrateDatabase(database, ROOT)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect([...applied].sort()).toEqual(expected);
      const db = createDb(database);
      try {
        expect((await migrationRows(db)).map((r) => r.migration_name)).toEqual(expected);
      } finally {
        await db.$disconnect();
      }
      expect(await migrateDatabase(database, ROOT)).toEqual([]);
    } finally {
      await drop();
    }
  }, 90_000);
});
