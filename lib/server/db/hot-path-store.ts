import 'server-only';
import type { AuditAction } from '@/lib/domain/audit/actions';
import type { TokenSubjectContext } from '@/lib/domain/claims/id-token-claims';
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
  action: AuditAction;
  targetType: string;
  targetLabel: string;
  after: string;
  requestId: string | null;
  ipAddress: string | null;
  createdAt: Date;
}

/** An environment token with what the token endpoint needs about its environment. */
export interface EnvironmentTokenRow extends TokenSubjectContext {
  id: string;
  expiresAtMs: number | null;
  revoked: boolean;
}

export interface HotPathStore {
  /** Inserts the rows and stamps lastUsedAt on the tokens, atomically. */
  recordIssuances(rows: AuditRow[], touchedTokenIds: string[], at: Date): Promise<void>;
  /** The token with this SHA-256 hash, or null. One prepared statement, not the ORM: it runs on every cache refresh. */
  findEnvironmentToken(tokenHash: string): Promise<EnvironmentTokenRow | null>;
}

const TOKEN_COLUMNS = `t."id" AS "id", t."orgId" AS "orgId", o."slug" AS "orgSlug", p."id" AS "projectId", p."slug" AS "projectSlug", e."id" AS "environmentId", e."slug" AS "environmentSlug", e."stage" AS "stage"`;
const TOKEN_JOINS = `FROM "EnvironmentToken" t JOIN "Environment" e ON e."id" = t."environmentId" JOIN "Project" p ON p."id" = e."projectId" JOIN "Organization" o ON o."id" = e."orgId" WHERE t."tokenHash" = `;

type TokenQueryRow = Omit<EnvironmentTokenRow, 'expiresAtMs' | 'revoked'> & { expiresAt: unknown; revoked: unknown };

/** SQLite keeps DateTime as ISO 8601 text (Prisma's adapter); PostgreSQL's query returns epoch ms. */
function toTokenRow(row: TokenQueryRow | undefined): EnvironmentTokenRow | null {
  if (!row) return null;
  const { expiresAt, revoked, ...rest } = row;
  const expiresAtMs = expiresAt === null || expiresAt === undefined ? null : typeof expiresAt === 'number' ? expiresAt : Date.parse(String(expiresAt));
  if (expiresAtMs !== null && Number.isNaN(expiresAtMs)) throw new Error('unreadable expiresAt on an environment token');
  return { ...rest, expiresAtMs, revoked: Boolean(revoked) };
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
  const findToken = handle.db.prepare(`SELECT ${TOKEN_COLUMNS}, t."expiresAt" AS "expiresAt", t."revokedAt" IS NOT NULL AS "revoked" ${TOKEN_JOINS}?`);
  return {
    recordIssuances: (rows, tokens, at) => handle.lock.run(async () => write(rows, tokens, sqliteTime(at))),
    // Under the connection's lock like every statement: never inside another request's transaction.
    findEnvironmentToken: (hash) => handle.lock.run(async () => toTokenRow(findToken.get(hash) as TokenQueryRow | undefined)),
  };
}

function postgresStore(url: string): HotPathStore {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  const findToken = `SELECT ${TOKEN_COLUMNS}, (EXTRACT(EPOCH FROM t."expiresAt") * 1000)::float8 AS "expiresAt", t."revokedAt" IS NOT NULL AS "revoked" ${TOKEN_JOINS}$1`;
  return {
    async findEnvironmentToken(hash) {
      const result = await pool.query<TokenQueryRow>({ name: 'trustbridge-find-environment-token', text: findToken, values: [hash] });
      return toTokenRow(result.rows[0]);
    },
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
