import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/server/db/client';
import { newId } from '../../lib/server/security/ids';
import { embeddedSqlite } from './database';

// The embedded SQLite connection (lib/server/db/serialized-sqlite-adapter.ts), on a temp file in
// every run: one better-sqlite3 connection shared by all requests, whose statements outside a
// transaction must not be swallowed by another request's open transaction.

describe('embedded SQLite connection', () => {
  let db: Db;
  let orgId: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, orgId, close } = await embeddedSqlite());
  }, 60_000);

  afterAll(async () => close?.());

  it('runs in WAL mode with foreign keys on, a busy timeout and NORMAL sync', async () => {
    const pragma = async (name: string) => Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {})[0];
    expect(String(await pragma('journal_mode')).toLowerCase()).toBe('wal');
    expect(Number(await pragma('foreign_keys'))).toBe(1);
    expect(Number(await pragma('busy_timeout'))).toBe(5000);
    expect(Number(await pragma('synchronous'))).toBe(1);
    await expect(db.project.create({ data: { id: newId(), orgId: newId(), slug: 'orphan', name: 'x' } })).rejects.toMatchObject({ code: 'P2003' });
  });

  it('a plain write issued while another request’s transaction is open is not rolled back with that transaction', async () => {
    const plainId = newId();
    const txId = newId();
    let inside = false;
    const failing = db
      .$transaction(async (tx) => {
        await tx.project.create({ data: { id: txId, orgId, slug: `tx-${txId.slice(-8)}`, name: 'in tx' } });
        inside = true;
        await new Promise((r) => setTimeout(r, 200));
        throw new Error('boom');
      })
      .then(
        () => 'committed',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    while (!inside) await new Promise((r) => setTimeout(r, 5));
    const plain = db.project.create({ data: { id: plainId, orgId, slug: `plain-${plainId.slice(-8)}`, name: 'plain' } });
    expect(await failing).toBe('boom');
    await plain;
    expect(await db.project.findUnique({ where: { id: plainId } })).not.toBeNull();
    expect(await db.project.findUnique({ where: { id: txId } })).toBeNull();
  });

  it('many failing transactions interleaved with plain writes: every plain write stays, no transaction’s write does', async () => {
    const plainIds: string[] = [];
    const txIds: string[] = [];
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      const txId = newId();
      txIds.push(txId);
      work.push(
        db
          .$transaction(async (tx) => {
            await tx.project.create({ data: { id: txId, orgId, slug: `ftx-${txId.slice(-8)}`, name: 'tx' } });
            await new Promise((r) => setTimeout(r, 10));
            throw new Error('rollback');
          })
          .catch(() => undefined),
      );
      const plainId = newId();
      plainIds.push(plainId);
      work.push(db.project.create({ data: { id: plainId, orgId, slug: `fp-${plainId.slice(-8)}`, name: 'plain' } }));
    }
    await Promise.all(work);
    expect(await db.project.count({ where: { id: { in: plainIds } } })).toBe(plainIds.length);
    expect(await db.project.count({ where: { id: { in: txIds } } })).toBe(0);
  });

  it('read-then-write transactions from concurrent requests are serialised: none fails, none is lost', async () => {
    const id = newId();
    await db.project.create({ data: { id, orgId, slug: `rw-${id.slice(-8)}`, name: '0' } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.$transaction(async (tx) => {
          const row = await tx.project.findUniqueOrThrow({ where: { id } });
          await new Promise((r) => setTimeout(r, 2));
          await tx.project.update({ where: { id }, data: { name: String(Number(row.name) + 1) } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).name).toBe('20');
  }, 60_000);
});
