import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectStatus, signedInAdmin } from '../support/fixtures';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/isolated-server';
import { startServer, startServerExpectingExit, type RunningServer } from '../support/server';

// The embedded SQLite database serves one process. A second server on the same data directory
// used to hang ~60 s in migration and die with "WASM_ERROR: unknown variant `SocketTimeout`"; it
// must refuse at once, naming the process that holds the database, while that one keeps serving.
// The lock dies with its process (kill -9 included), so a crash never blocks the next start.
// SQLite is a file, so these run in both database runs; PostgreSQL replicas are checked in its run.

const refusal = (pid: number, dir: string) =>
  `another Trustbridge process (pid ${pid}) is using ${dir}; the embedded SQLite database serves one process — use PostgreSQL (DATABASE_URL) for several replicas`;

const running: RunningServer[] = [];
const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbridge-shared-'));
  dirs.push(dir);
  return dir;
};
const start = async (options: Parameters<typeof startServer>[0]) => {
  const server = await startServer(options);
  running.push(server);
  return server;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function stillServes(server: RunningServer): Promise<void> {
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  // …and writes: sign in, create an organization.
  const admin = await signedInAdmin(server);
  expectStatus(await admin.post('/api/v1/orgs', { name: 'Still here', slug: `still-${Date.now().toString(36)}` }), 201);
}

describe('a second process on the embedded database', () => {
  it('exits at once with a message naming the first process and PostgreSQL; the first keeps serving', async () => {
    const dir = dataDir();
    const first = await start({ dataDir: dir });
    // A generous bound, not a timing measurement: it used to hang ~60 s in migration (≈0.3 s now).
    const second = await startServerExpectingExit({ dataDir: dir }, 15_000);
    expect(second.code).toBe(1);
    expect(second.output.trim()).toBe(refusal(first.pid, dir));
    // It refused before doing anything: no migration, no Next.js, nothing else logged.
    expect(second.output).not.toMatch(/database ready|listening|Next/);
    console.info(`second process refused in ${second.elapsedMs} ms (spawn to exit)`);
    await stillServes(first);
  }, 90_000);

  it('after the holder is killed with SIGKILL the next server starts: no stale lock, and a recorded pid is never trusted', async () => {
    const dir = dataDir();
    const first = await start({ dataDir: dir });
    const exited = new Promise((resolve) => {
      const timer = setInterval(() => {
        try {
          process.kill(first.pid, 0);
        } catch {
          clearInterval(timer);
          resolve(undefined);
        }
      }, 50);
    });
    process.kill(first.pid, 'SIGKILL');
    await exited;
    // The lock file still names the dead process; make it name a live one (this test runner):
    // a pid that now belongs to another process must not block the start either.
    const lock = new Database(path.join(dir, 'trustbridge.db.lock'));
    expect(Number(lock.pragma('user_version', { simple: true }))).toBe(first.pid);
    lock.pragma(`user_version = ${process.pid}`);
    lock.close();
    const next = await start({ dataDir: dir });
    await stillServes(next);
    // And the new holder is the one a third process is told about.
    const third = await startServerExpectingExit({ dataDir: dir });
    expect([third.code, third.output.trim()]).toEqual([1, refusal(next.pid, dir)]);
  }, 120_000);

  it('two SQLite files in one data directory are two databases: both servers start', async () => {
    const dir = dataDir();
    const first = await start({ dataDir: dir });
    const second = await start({ dataDir: dir, databaseUrl: `file:${path.join(dir, 'other.db')}` });
    await stillServes(first);
    await stillServes(second);
  }, 120_000);

  if (inject('postgresPort') !== null) {
    it('PostgreSQL: several replicas on one database (and one data directory) all start and serve', async () => {
      const postgres = await createPostgresDatabase();
      if (!postgres) throw new Error('no PostgreSQL cluster in a PostgreSQL run');
      try {
        const dir = dataDir();
        const replicas = [await start({ dataDir: dir, databaseUrl: postgres.url }), await start({ dataDir: dir, databaseUrl: postgres.url })];
        for (const replica of replicas) await stillServes(replica);
      } finally {
        await Promise.all(running.splice(0).map((s) => s.stop()));
        await dropPostgresDatabase(postgres.port, postgres.name);
      }
    }, 120_000);
  }
});
