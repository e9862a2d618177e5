import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../lib/server/db/client';
import { migrateDatabase } from '../../lib/server/db/migrate';
import { newId } from '../../lib/server/security/ids';
import { ROOT } from '../support/server';
import { freshDatabase } from './database';

// Writes on the real database of this run (SQLite file, or PostgreSQL): isolation between a
// failing transaction and other requests' writes, compare-and-set under contention, constraints.

describe('writes', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let orgId: string;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    await migrateDatabase(fresh.database, ROOT);
    db = createDb(fresh.database);
    orgId = newId();
    await db.organization.create({ data: { id: orgId, slug: `o-${orgId.slice(-8)}`, name: 'Org' } });
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await drop?.();
  });

  it('a transaction that fails rolls back only itself: plain writes made while it was open survive', async () => {
    const txProject = newId();
    const plain = Array.from({ length: 5 }, () => newId());
    let inside = false;
    const failing = db
      .$transaction(async (tx) => {
        await tx.project.create({ data: { id: txProject, orgId, slug: `tx-${txProject.slice(-8)}`, name: 'in tx' } });
        inside = true;
        await new Promise((r) => setTimeout(r, 300));
        throw new Error('boom');
      })
      .then(
        () => 'committed',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    while (!inside) await new Promise((r) => setTimeout(r, 5));
    // Issued while the transaction is open (and before it throws).
    await Promise.all(plain.map((id) => db.project.create({ data: { id, orgId, slug: `plain-${id.slice(-8)}`, name: 'plain' } })));
    expect(await failing).toBe('boom');
    expect(await db.project.count({ where: { id: { in: plain } } })).toBe(plain.length);
    expect(await db.project.findUnique({ where: { id: txProject } })).toBeNull();
  });

  it('compare-and-set on `version` loses no update under 20 concurrent updaters', async () => {
    const id = newId();
    await db.project.create({ data: { id, orgId, slug: `cas-${id.slice(-8)}`, name: '0' } });
    let conflicts = 0;
    const increment = async () => {
      for (let attempt = 0; attempt < 500; attempt++) {
        const row = await db.project.findUniqueOrThrow({ where: { id } });
        const done = await db.project.updateMany({ where: { id, version: row.version }, data: { name: String(Number(row.name) + 1), version: { increment: 1 } } });
        if (done.count === 1) return;
        conflicts++;
      }
      throw new Error('gave up');
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await db.project.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: '20', version: 21 });
    // The updaters really did collide (otherwise this proves nothing).
    expect(conflicts).toBeGreaterThan(0);
  }, 60_000);

  it('the same compare-and-set with a stale version changes nothing', async () => {
    const id = newId();
    await db.project.create({ data: { id, orgId, slug: `stale-${id.slice(-8)}`, name: 'a' } });
    expect((await db.project.updateMany({ where: { id, version: 1 }, data: { name: 'b', version: { increment: 1 } } })).count).toBe(1);
    expect((await db.project.updateMany({ where: { id, version: 1 }, data: { name: 'c', version: { increment: 1 } } })).count).toBe(0);
    expect(await db.project.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'b', version: 2 });
  });

  it('unique constraints answer P2002; foreign keys are enforced', async () => {
    const slug = (await db.organization.findUniqueOrThrow({ where: { id: orgId } })).slug;
    await expect(db.organization.create({ data: { id: newId(), slug, name: 'dup' } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(db.project.create({ data: { id: newId(), orgId: newId(), slug: 'orphan', name: 'x' } })).rejects.toMatchObject({ code: 'P2003' });
    expect(await db.project.count({ where: { slug: 'orphan' } })).toBe(0);
  });

  it('deleting an organization cascades to everything it owns', async () => {
    const other = newId();
    await db.organization.create({ data: { id: other, slug: `c-${other.slice(-8)}`, name: 'C' } });
    const project = newId();
    await db.project.create({ data: { id: project, orgId: other, slug: 'p', name: 'p' } });
    await db.environment.create({ data: { id: newId(), orgId: other, projectId: project, slug: 'e', name: 'e', stage: 'development' } });
    await db.organization.delete({ where: { id: other } });
    expect(await db.project.count({ where: { orgId: other } })).toBe(0);
    expect(await db.environment.count({ where: { orgId: other } })).toBe(0);
  });
});
