import 'server-only';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseConfig } from '../env';
import { getConfig } from '../env';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import type { Prisma } from './generated/sqlite/client';
import { serializedSqliteAdapter } from './serialized-sqlite-adapter';

/** Both clients are generated from the same schema (only the provider differs), so one type serves. */
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export function createDb(database: DatabaseConfig): Db {
  if (database.kind === 'sqlite') {
    ensurePrivateDir(path.dirname(database.file));
    const db = new SqliteClient({ adapter: serializedSqliteAdapter(database.file) });
    if (existsSync(database.file)) chmodSync(database.file, 0o600);
    return db;
  }
  // The PostgreSQL client's API is a superset of the SQLite one for everything this app uses
  // (same models, same fields); the cast only reconciles the two generated class identities.
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10, connectionTimeoutMillis: 5000 }) });
  return client as unknown as Db;
}

const globalDb = globalThis as { __trustbridgeDb?: Db };

/**
 * The process-wide client. Kept on globalThis because the custom server bundle and Next's server
 * bundle each contain a copy of this module; both must share one connection (pool).
 */
export function getDb(): Db {
  globalDb.__trustbridgeDb ??= createDb(getConfig().database);
  return globalDb.__trustbridgeDb;
}
