import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../lib/server/db/client';
import { migrateDatabase } from '../../lib/server/db/migrate';
import type { DatabaseConfig } from '../../lib/server/env';
import { newId } from '../../lib/server/security/ids';
import { ROOT } from '../support/server';

/** A fresh, empty database of this run's family (a temp SQLite file, or a new PostgreSQL database). */
export async function freshDatabase(): Promise<{ database: DatabaseConfig; drop: () => Promise<void> }> {
  const port = inject('postgresPort');
  if (port === null) {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbridge-db-'));
    return { database: { kind: 'sqlite', file: path.join(dir, 'test.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    database: { kind: 'postgresql', url: `postgresql://postgres@127.0.0.1:${port}/${name}` },
    drop: async () => {
      const c = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A migrated embedded-SQLite database on a temp file with one organization, opened the way the
 * app opens it (one serialized connection) — for the tests of that connection itself, which run
 * on SQLite in both database runs.
 */
export async function embeddedSqlite(): Promise<{ file: string; db: Db; orgId: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-sqlite-'));
  const file = path.join(dir, 'test.db');
  await migrateDatabase({ kind: 'sqlite', file }, ROOT);
  const db = createDb({ kind: 'sqlite', file });
  const orgId = newId();
  await db.organization.create({ data: { id: orgId, slug: `o-${orgId.slice(-8)}`, name: 'Org' } });
  return {
    file,
    db,
    orgId,
    close: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
