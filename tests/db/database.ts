import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../lib/server/env';

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
