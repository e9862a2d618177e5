import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/server/db/client';
import { restartSqliteWal, sqliteHandle } from '../../lib/server/db/serialized-sqlite-adapter';
import { startSqliteCheckpointer } from '../../lib/server/db/sqlite-checkpointer';
import { newId } from '../../lib/server/security/ids';
import { embeddedSqlite } from './database';

// The embedded database's write-ahead log under sustained writes (lib/server/db/sqlite-checkpointer.ts):
// a checkpoint in the worker thread alone never lets the WAL start over while commits keep coming,
// so the main connection rewinds it after each worker checkpoint. Without that, the WAL of a busy
// token endpoint grew by gigabytes. Runs on a temp SQLite file in both database runs.

describe('SQLite write-ahead log under sustained writes', () => {
  let file: string;
  let db: Db;
  let orgId: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ file, db, orgId, close } = await embeddedSqlite());
  }, 60_000);

  afterAll(async () => close?.());

  /** One commit of `count` audit rows on the main connection, under its lock, like the token endpoint. */
  async function commitRows(count: number): Promise<void> {
    const handle = sqliteHandle();
    if (!handle) throw new Error('no SQLite connection');
    const insert = handle.db.prepare('INSERT INTO "AuditEvent" ("id", "orgId", "actorType", "actorLabel", "action", "targetType", "targetLabel", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const write = handle.db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(newId(), orgId, 'environment', 'web/prod', 'id_token.issue', 'id_token', newId(), '{"audience":"sts.amazonaws.com"}', new Date().toISOString());
    });
    await handle.lock.run(async () => write());
  }

  /** Frames in the WAL since it last started over, as a second connection (the checkpointer's kind) sees them. */
  function framesInWal(): number {
    const other = new Database(file, { timeout: 0 });
    try {
      const [row] = other.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      return Number(row?.log ?? -1);
    } finally {
      other.close();
    }
  }

  it('a restart on the main connection makes the next commit write the WAL from its beginning', async () => {
    await db.$queryRawUnsafe('SELECT 1'); // the connection is open
    for (let i = 0; i < 50; i++) await commitRows(10); // at least 50 frames, none checkpointed yet
    expect(await restartSqliteWal()).toEqual({ busy: false });
    await commitRows(10);
    expect(framesInWal()).toBeLessThan(20);
    const busyTimeout = Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>('PRAGMA busy_timeout'))[0] ?? {})[0];
    expect(Number(busyTimeout)).toBe(5000);
  });

  it('a restart never waits for another connection: a reader on an older snapshot makes it report busy at once', async () => {
    await commitRows(5);
    const reader = new Database(file, { timeout: 0 });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM "AuditEvent"').get(); // holds its snapshot
      await commitRows(5);
      const started = Date.now();
      expect(await restartSqliteWal()).toEqual({ busy: true });
      expect(Date.now() - started).toBeLessThan(2500); // not the 5-second busy timeout
      reader.prepare('COMMIT').run();
    } finally {
      reader.close();
    }
    expect(await restartSqliteWal()).toEqual({ busy: false });
  });

  it('with the checkpointer running, the WAL keeps starting over during continuous commits', async () => {
    const checkpointer = startSqliteCheckpointer(file, { intervalMs: 50, restartAfterFrames: 500 });
    let commits = 0;
    try {
      const until = Date.now() + 1500;
      while (Date.now() < until) {
        await commitRows(8);
        commits++;
        await new Promise((r) => setImmediate(r)); // the event loop turns, as between request batches
      }
    } finally {
      await checkpointer.stop();
    }
    // Every commit writes at least one frame: a WAL that never started over would hold them all.
    expect(commits).toBeGreaterThan(1000);
    expect(framesInWal()).toBeLessThan(commits / 2);
  });
});
