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
 * lock and the statements on one session.
 */
export async function migrateDatabase(database: DatabaseConfig, root: string = process.cwd()): Promise<string[]> {
  if (database.kind === 'sqlite') {
    ensurePrivateDir(path.dirname(database.file));
    return applyMigrations(new PrismaBetterSqlite3({ url: database.file, timeout: 5000 }), migrationsDir(root, 'sqlite'), 'sqlite');
  }
  return applyMigrations(pgMigrationAdapter(database.url), migrationsDir(root, 'postgresql'), 'postgresql');
}
