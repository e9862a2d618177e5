// A server of its own, on this run's database family: with TEST_DB=postgresql it gets a fresh,
// empty database on the run's PostgreSQL cluster (dropped again on stop), otherwise its own SQLite
// file in its data directory. Plus direct database access to it and to the shared server, for
// tests that must set up a state no API call can make (an expired invitation, an expired session)
// or check rows the API does not show.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../lib/server/db/client';
import type { DatabaseConfig } from '../../lib/server/env';
import { startServer, type RunningServer, type ServerOptions } from './server';

export interface IsolatedServer extends RunningServer {
  database: DatabaseConfig;
}

async function adminQuery(port: number, sql: string): Promise<void> {
  const client = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty PostgreSQL database on the run's cluster (null on a SQLite run). */
export async function createPostgresDatabase(): Promise<{ url: string; name: string; port: number } | null> {
  const port = inject('postgresPort');
  if (port === null) return null;
  const name = `tb_${randomBytes(5).toString('hex')}`;
  await adminQuery(port, `CREATE DATABASE ${name}`);
  return { url: `postgresql://postgres@127.0.0.1:${port}/${name}`, name, port };
}

export async function dropPostgresDatabase(port: number, name: string): Promise<void> {
  await adminQuery(port, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export async function startIsolatedServer(options: Omit<ServerOptions, 'databaseUrl'> = {}): Promise<IsolatedServer> {
  const postgres = await createPostgresDatabase();
  const server = await startServer({ ...options, ...(postgres ? { databaseUrl: postgres.url } : {}) });
  const database: DatabaseConfig = postgres ? { kind: 'postgresql', url: postgres.url } : { kind: 'sqlite', file: path.join(server.dataDir, 'trustbridge.db') };
  return {
    ...server,
    database,
    stop: async (stopOptions) => {
      await server.stop(stopOptions);
      if (postgres) await dropPostgresDatabase(postgres.port, postgres.name);
    },
  };
}

/**
 * The database of the shared server from global-setup: its SQLite file sits next to its log in
 * its data directory; on PostgreSQL it is the cluster's `trustbridge` database (tests/support/postgres.ts).
 */
export function sharedServerDatabase(): DatabaseConfig {
  const server = inject('server');
  const port = inject('postgresPort');
  return port === null ? { kind: 'sqlite', file: path.join(path.dirname(server.logFile), 'trustbridge.db') } : { kind: 'postgresql', url: `postgresql://postgres@127.0.0.1:${port}/trustbridge` };
}

/** A Prisma client on a server's database (close it with $disconnect). */
export function openDatabase(database: DatabaseConfig): Db {
  return createDb(database);
}
