import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import path from 'node:path';
import type { DatabaseConfig } from '../env';
import { ensurePrivateDir } from './client';
import { pgMigrationAdapter } from './pg-migration-adapter';
import { applyMigrations, migrationsDir } from './schema-engine';

/**
 * Brings the database up to the checked-in migrations. Safe to run from several replicas at once
 * on PostgreSQL: the schema engine takes an advisory lock, and a single-connection pool keeps the
 * lock and the statements on one session. On SQLite a second process (or call) starting at the
 * same moment waits for the first one's write lock (up to a minute) instead of failing, and then
 * finds nothing left to apply.
 */
// better-sqlite3 waits for a lock synchronously, which would block the very event loop the
// holder needs: calls within one process are therefore queued here, per database file.
const sqliteQueue = new Map<string, Promise<unknown>>();

export async function migrateDatabase(database: DatabaseConfig, root: string = process.cwd()): Promise<string[]> {
  if (database.kind === 'sqlite') {
    const { file } = database;
    ensurePrivateDir(path.dirname(file));
    const run = (sqliteQueue.get(file) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => applyMigrations(new PrismaBetterSqlite3({ url: file, timeout: 60_000 }), migrationsDir(root, 'sqlite'), 'sqlite'));
    sqliteQueue.set(file, run);
    return run;
  }
  return applyMigrations(pgMigrationAdapter(database.url), migrationsDir(root, 'postgresql'), 'postgresql');
}
