import { closeSync, openSync, readSync } from 'node:fs';
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

  /**
   * Frames in the WAL since it last started over, read from the wal-index header in the -shm file
   * (mxFrame, a native-endian u32 at offset 16; sqlite.org/walformat.html) — without checkpointing.
   */
  function walFramesSinceRewind(): number {
    const header = Buffer.alloc(20);
    const fd = openSync(`${file}-shm`, 'r');
    try {
      readSync(fd, header, 0, 20, 0);
    } finally {
      closeSync(fd);
    }
    return header.readUInt32LE(16);
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
    const restarts: boolean[] = [];
    const checkpointer = startSqliteCheckpointer(file, { intervalMs: 20, restartAfterFrames: 100, onRestart: ({ busy }) => restarts.push(busy) });
    const framesAfterRestart: number[] = [];
    try {
      // Commit continuously (the event loop turning between commits, as between request batches)
      // until the main connection has rewound the WAL five times; after each, look at the log.
      const until = Date.now() + 30_000;
      while (framesAfterRestart.length < 5 && Date.now() < until) {
        await commitRows(8);
        await new Promise((r) => setImmediate(r));
        if (restarts.length > framesAfterRestart.length) {
          await commitRows(8); // the first commit after a rewind writes the log from its beginning
          framesAfterRestart.push(walFramesSinceRewind());
        }
      }
    } finally {
      await checkpointer.stop();
    }
    // The worker never checkpoints while the main connection rewinds: no attempt was busy.
    expect(restarts).toEqual(Array(5).fill(false));
    // A rewind happens at 100 frames or more; right after one, the log holds only the commit since
    // (a WAL that never started over would hold every frame written so far).
    for (const frames of framesAfterRestart) expect(frames).toBeLessThan(100);
  });
});
