// Shared pieces of the issuer's integration tests (issue 3): an organization with one environment
// and its token, JWT decoding, polling with a deadline, direct access to a server's database (to
// simulate time and to search for key material), and a server on a database of its own.
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg, type ServerRef } from './fixtures';
import { TestClient, type HttpResult, type RequestOptions } from './http-client';
import { startServer, type RunningServer, type ServerOptions } from './server';

export const DEFAULT_CLAIMS = ['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti', 'org_id', 'org_slug', 'project_id', 'project_slug', 'environment_id', 'environment_slug', 'environment_stage'] as const;
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export interface Jwk {
  kid: string;
  alg: string;
  use: string;
  kty: string;
  [member: string]: unknown;
}

export interface DecodedJwt {
  header: Record<string, unknown> & { alg: string; kid: string; typ: string };
  claims: Record<string, unknown>;
}

export function decodeJwt(token: string): DecodedJwt {
  const [h, p] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h ?? '', 'base64url').toString('utf8')) as DecodedJwt['header'],
    claims: JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

export const kidOf = (token: string): string => decodeJwt(token).header.kid;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `check` every `intervalMs` until it returns something other than false/undefined/null;
 * returns that value and how long it took. Throws after `timeoutMs`.
 */
export async function until<T>(label: string, check: () => Promise<T | false | null | undefined>, timeoutMs: number, intervalMs = 50): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return { value, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) throw new Error(`${label}: still not true after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** A TestClient that keeps the text of every response it received (to search for secrets). */
export class RecordingClient extends TestClient {
  readonly seen: string[] = [];
  override request(method: string, p: string, options: RequestOptions = {}): Promise<HttpResult> {
    return super.request(method, p, options).then((r) => {
      this.seen.push(`${method} ${p} → ${r.status}\n${JSON.stringify(r.headers)}\n${r.text}`);
      return r;
    });
  }
}

export interface IssuerFixture {
  target: ServerRef;
  owner: TestClient;
  org: { id: string; slug: string; issuer: string };
  project: { id: string; slug: string };
  env: { id: string; slug: string };
  token: { id: string; token: string };
  workload: TestClient;
  /** POST /api/v1/idp/token with this environment's token (or `bearer`). */
  issue(body?: unknown, bearer?: string): Promise<HttpResult>;
  /** Issues and returns the token, failing on anything but 200. */
  mint(body?: unknown): Promise<string>;
  discovery(client?: TestClient): Promise<Discovery>;
  jwks(client?: TestClient): Promise<{ keys: Jwk[] }>;
  /** PATCH the issuer settings with the current version. */
  patchIssuer(changes: Record<string, unknown>): Promise<HttpResult>;
  /** Another environment (and its token) in the same project. */
  addEnvironment(stage?: string, slug?: string): Promise<{ env: { id: string; slug: string }; token: { id: string; token: string }; issue(body?: unknown): Promise<HttpResult> }>;
}

export interface Discovery {
  issuer: string;
  jwks_uri: string;
  response_types_supported: string[];
  subject_types_supported: string[];
  id_token_signing_alg_values_supported: string[];
  claims_supported: string[];
  [member: string]: unknown;
}

export function issueWith(client: TestClient, bearer: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return client.post('/api/v1/idp/token', body, { origin: null, headers: { Authorization: `Bearer ${bearer}`, ...headers } });
}

/** A fresh organization (owned by a fresh owner), project `projectSlug`, environment `envSlug`, one token. */
export async function issuerFixture(target: ServerRef, options: { projectSlug?: string; envSlug?: string; stage?: string; owner?: TestClient } = {}): Promise<IssuerFixture> {
  const { owner, org } = await ownerWithOrg(target);
  const project = await createProject(owner.client, org.id, options.projectSlug);
  const env = await createEnvironment(owner.client, org.id, project.id, options.stage ?? 'production', options.envSlug);
  const token = await createToken(owner.client, org.id, env.id);
  const workload = new TestClient(target.url, target.publicUrl);
  const base = `/oidc/${org.id}/.well-known`;
  const fixture: IssuerFixture = {
    target,
    owner: owner.client,
    org,
    project,
    env,
    token,
    workload,
    issue: (body, bearer) => issueWith(workload, bearer ?? token.token, body),
    mint: async (body) => expectStatus(await issueWith(workload, token.token, body), 200).json.token as string,
    discovery: async (client = workload) => expectStatus(await client.get(`${base}/openid-configuration`), 200).json as Discovery,
    jwks: async (client = workload) => expectStatus(await client.get(`${base}/jwks.json`), 200).json as { keys: Jwk[] },
    patchIssuer: async (changes) => {
      const current = expectStatus(await owner.client.get(`/api/v1/orgs/${org.id}/issuer`), 200).json as { version: number };
      return owner.client.patch(`/api/v1/orgs/${org.id}/issuer`, { version: current.version, ...changes });
    },
    addEnvironment: async (stage = 'development', slug) => {
      const other = await createEnvironment(owner.client, org.id, project.id, stage, slug);
      const otherToken = await createToken(owner.client, org.id, other.id);
      return { env: other, token: otherToken, issue: (body) => issueWith(workload, otherToken.token, body) };
    },
  };
  return fixture;
}

/** Every id_token.issue audit event of an organization (all pages). */
export async function issuanceAuditEvents(owner: TestClient, orgId: string) {
  const items: { target: { label: string | null }; actor: { type: string; id: string | null; label: string }; after: { audience?: string; expiresAt?: string; kid?: string } | null; createdAt: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?action=id_token.issue&limit=200${cursor ? `&cursor=${cursor}` : ''}`), 200).json as { items: typeof items; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * Verifies a JWS with node:crypto against one JWK, ignoring kid and header alg — used to prove
 * that no key of another organization verifies a token whatever a sloppy verifier would pick.
 */
export function signatureVerifiesWith(token: string, jwk: Jwk): boolean {
  const [h, p, s] = token.split('.');
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s ?? '', 'base64url');
  if (jwk.kty === 'EC') return cryptoVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  return cryptoVerify('sha256', data, key, signature);
}

// ─── Direct database access ─────────────────────────────────────────────────────────────────────

export type Family = 'sqlite' | 'postgresql';

export interface SqlDatabase {
  family: Family;
  /** Rows of a query; `?` placeholders on both families. */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  /** A timestamp as this family's Prisma stores it. */
  time(date: Date): string;
  /** Parses a timestamp column read as text. */
  parseTime(value: unknown): Date;
  /** Everything the database holds, as bytes/text to search (SQLite files incl. WAL; pg_dump). */
  everything(): Promise<Buffer[]>;
  close(): Promise<void>;
}

function sqliteDatabase(file: string): SqlDatabase {
  const db = new Database(file, { timeout: 10_000 });
  return {
    family: 'sqlite',
    all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    time: (d) => d.toISOString().replace('Z', '+00:00'),
    parseTime: (v) => new Date(String(v)),
    everything: async () => {
      const dir = path.dirname(file);
      return readdirSync(dir)
        .filter((f) => f.startsWith(path.basename(file)))
        .map((f) => readFileSync(path.join(dir, f)));
    },
    close: async () => {
      db.close();
    },
  };
}

function postgresDatabase(url: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const numbered = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  return {
    family: 'postgresql',
    all: async <T>(sql: string, params: unknown[] = []) => (await pool.query(numbered(sql), params)).rows as T[],
    run: async (sql, params = []) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
    time: (d) => d.toISOString().replace('Z', ''),
    // TIMESTAMP(3) without zone, holding UTC; read as text to stay independent of the test's TZ.
    parseTime: (v) => (v instanceof Date ? new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds(), v.getMilliseconds())) : new Date(`${String(v).replace(' ', 'T')}Z`)),
    everything: async () => {
      const u = new URL(url);
      const bin = pgBin('pg_dump');
      const dump = spawnSync(bin, ['-h', u.hostname, '-p', u.port, '-U', u.username || 'postgres', '--no-owner', u.pathname.slice(1)], { maxBuffer: 256 * 1024 * 1024 });
      if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
      // Also every text column of every table, read through SQL (what an attacker with SELECT sees).
      const columns = (await pool.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'json', 'jsonb')`)).rows as { table_name: string; column_name: string }[];
      const texts: string[] = [];
      for (const c of columns) {
        const rows = (await pool.query(`SELECT "${c.column_name}"::text AS v FROM "${c.table_name}"`)).rows as { v: string | null }[];
        texts.push(rows.map((r) => r.v ?? '').join('\n'));
      }
      return [dump.stdout, Buffer.from(texts.join('\n'))];
    },
    close: () => pool.end(),
  };
}

export function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const version = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', name)))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`${name} not found under ${base}`);
  return path.join(base, version, 'bin', name);
}

export function openDatabase(where: { family: 'sqlite'; file: string } | { family: 'postgresql'; url: string }): SqlDatabase {
  return where.family === 'sqlite' ? sqliteDatabase(where.file) : postgresDatabase(where.url);
}

/** The database of the run's shared server (global-setup). */
export function sharedServerDatabase(): SqlDatabase {
  const shared = inject('server');
  const port = inject('postgresPort');
  if (shared.database === 'postgresql') return openDatabase({ family: 'postgresql', url: `postgresql://postgres@127.0.0.1:${port}/trustbridge` });
  return openDatabase({ family: 'sqlite', file: path.join(path.dirname(shared.logFile), 'trustbridge.db') });
}

export const runFamily = (): Family => inject('server').database;

export interface OwnServer {
  server: RunningServer;
  family: Family;
  db: SqlDatabase;
  /** Stops the process and starts it again on the same database (and data directory). */
  restart(options?: ServerOptions): Promise<RunningServer>;
  /** Starts another process on the same database (same data directory); it may fail to start. */
  startAnother(options?: ServerOptions): Promise<RunningServer>;
  stop(): Promise<void>;
}

/**
 * A production server on a database of its own, of this run's family: a fresh SQLite file in its
 * data directory, or a fresh database on the run's PostgreSQL cluster.
 */
export async function serverOnOwnDatabase(options: ServerOptions = {}): Promise<OwnServer> {
  const family = runFamily();
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (family === 'postgresql') {
    const port = inject('postgresPort');
    const name = `own_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = `postgresql://postgres@127.0.0.1:${port}/${name}`;
    dropDatabase = async () => {
      const c = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const first = await startServer({ ...options, ...(databaseUrl ? { databaseUrl } : {}) });
  const dataDir = first.dataDir;
  const db = openDatabase(databaseUrl ? { family: 'postgresql', url: databaseUrl } : { family: 'sqlite', file: path.join(dataDir, 'trustbridge.db') });
  const extra: RunningServer[] = [];
  const startAnother = async (more: ServerOptions = {}) => {
    const started = await startServer({ ...options, ...more, ...(databaseUrl ? { databaseUrl } : {}), env: { ...options.env, ...more.env, TRUSTBRIDGE_DATA_DIR: dataDir } });
    extra.push(started);
    return started;
  };
  const own: OwnServer = {
    server: first,
    family,
    db,
    restart: async (more = {}) => {
      await own.server.stop({ keepData: true });
      own.server = await startAnother(more);
      return own.server;
    },
    startAnother,
    stop: async () => {
      await db.close().catch(() => undefined);
      for (const s of [first, ...extra]) await s.stop({ keepData: true });
      for (const s of extra) rmSync(s.dataDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase();
    },
  };
  return own;
}
