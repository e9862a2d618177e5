import 'server-only';
import pg from 'pg';
import { getConfig } from '../env';
import { getDb } from './client';
import { sqliteHandle } from './serialized-sqlite-adapter';

// The issuer's hot path writes one audit row per issued token. Through Prisma every batch costs
// a query-plan compilation (the shape changes with the batch size) — most of the endpoint's CPU.
// This store writes the same rows with prepared statements / one multi-row INSERT: on SQLite on
// Prisma's own connection under its lock; on PostgreSQL through a small pool of its own.
// Column lists mirror prisma/schema.prisma (model AuditEvent, EnvironmentToken.lastUsedAt); the
// db tests check that rows written here read back through Prisma.

export interface AuditRow {
  id: string;
  orgId: string;
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetLabel: string;
  after: string;
  requestId: string | null;
  ipAddress: string | null;
  createdAt: Date;
}

export interface HotPathStore {
  /** Inserts the rows and stamps lastUsedAt on the tokens, atomically. */
  recordIssuances(rows: AuditRow[], touchedTokenIds: string[], at: Date): Promise<void>;
}

const COLUMNS = ['id', 'orgId', 'actorType', 'actorId', 'actorLabel', 'action', 'targetType', 'targetLabel', 'after', 'requestId', 'ipAddress', 'createdAt'] as const;
const quoted = COLUMNS.map((c) => `"${c}"`).join(', ');

function values(row: AuditRow, time: (d: Date) => string): unknown[] {
  return [row.id, row.orgId, row.actorType, row.actorId, row.actorLabel, row.action, row.targetType, row.targetLabel, row.after, row.requestId, row.ipAddress, time(row.createdAt)];
}

// Prisma's SQLite adapter stores DateTime as ISO 8601 text with "+00:00".
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');
// PostgreSQL columns are TIMESTAMP(3) (no zone) holding UTC, as Prisma writes them.
const pgTime = (d: Date) => d.toISOString().replace('Z', '');

async function sqliteStore(): Promise<HotPathStore> {
  if (!sqliteHandle()) await getDb().$connect();
  const handle = sqliteHandle();
  if (!handle) throw new Error('the SQLite connection is not available');
  const insert = handle.db.prepare(`INSERT INTO "AuditEvent" (${quoted}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const touch = handle.db.prepare('UPDATE "EnvironmentToken" SET "lastUsedAt" = ? WHERE "id" = ?');
  const write = handle.db.transaction((rows: AuditRow[], tokens: string[], at: string) => {
    for (const row of rows) insert.run(values(row, sqliteTime));
    for (const id of tokens) touch.run(at, id);
  });
  return {
    recordIssuances: (rows, tokens, at) => handle.lock.run(async () => write(rows, tokens, sqliteTime(at))),
  };
}

function postgresStore(url: string): HotPathStore {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  return {
    async recordIssuances(rows, tokens, at) {
      const params: unknown[] = [];
      const tuples = rows.map((row) => {
        const start = params.length;
        params.push(...values(row, pgTime));
        return `(${COLUMNS.map((_, i) => `$${start + i + 1}`).join(', ')})`;
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO "AuditEvent" (${quoted}) VALUES ${tuples.join(', ')}`, params);
        if (tokens.length > 0) await client.query('UPDATE "EnvironmentToken" SET "lastUsedAt" = $1 WHERE "id" = ANY($2::text[])', [pgTime(at), tokens]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const holder = globalThis as { __trustbridgeHotPathStore?: Promise<HotPathStore> };

export function getHotPathStore(): Promise<HotPathStore> {
  if (!holder.__trustbridgeHotPathStore) {
    const database = getConfig().database;
    const created = database.kind === 'sqlite' ? sqliteStore() : Promise.resolve(postgresStore(database.url));
    holder.__trustbridgeHotPathStore = created.catch((error: unknown) => {
      holder.__trustbridgeHotPathStore = undefined;
      throw error;
    });
  }
  return holder.__trustbridgeHotPathStore;
}
