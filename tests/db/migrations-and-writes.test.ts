import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../lib/server/db/client';
import { migrateDatabase } from '../../lib/server/db/migrate';
import { newId } from '../../lib/server/security/ids';
import { freshDatabase } from './database';

// The database layer on the real database of this run (SQLite file, or PostgreSQL).

describe('migrations', () => {
  it('apply every migration to an empty database once, then nothing; concurrent starts both succeed', async () => {
    const { database, drop } = await freshDatabase();
    try {
      const [first, second] = await Promise.all([migrateDatabase(database), migrateDatabase(database)]);
      const applied = [...first, ...second];
      expect(new Set(applied).size).toBe(applied.length);
      expect(applied.length).toBeGreaterThanOrEqual(3);
      expect(await migrateDatabase(database)).toEqual([]);
    } finally {
      await drop();
    }
  }, 60_000);
});

describe('writes', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let orgId: string;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    await migrateDatabase(fresh.database);
    db = createDb(fresh.database);
    orgId = newId();
    await db.organization.create({ data: { id: orgId, slug: `o-${orgId.slice(-8)}`, name: 'Org' } });
  }, 60_000);

  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it('a failed transaction rolls back only itself: a plain write made meanwhile survives', async () => {
    const plainId = newId();
    const txProject = newId();
    const failing = db
      .$transaction(async (tx) => {
        await tx.project.create({ data: { id: txProject, orgId, slug: `tx-${txProject.slice(-6)}`, name: 'in tx' } });
        await new Promise((r) => setTimeout(r, 150));
        throw new Error('boom');
      })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    await db.project.create({ data: { id: plainId, orgId, slug: `plain-${plainId.slice(-6)}`, name: 'plain' } });
    expect(await failing).toBeInstanceOf(Error);
    expect(await db.project.findUnique({ where: { id: plainId } })).not.toBeNull();
    expect(await db.project.findUnique({ where: { id: txProject } })).toBeNull();
  });

  it('compare-and-set on version loses no update under 20 concurrent updaters', async () => {
    const id = newId();
    await db.project.create({ data: { id, orgId, slug: `cas-${id.slice(-6)}`, name: '0' } });
    const increment = async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const row = await db.project.findUniqueOrThrow({ where: { id } });
        const done = await db.project.updateMany({ where: { id, version: row.version }, data: { name: String(Number(row.name) + 1), version: { increment: 1 } } });
        if (done.count === 1) return;
      }
      throw new Error('gave up');
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    const row = await db.project.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: '20', version: 21 });
  }, 60_000);

  it('unique constraints hold (P2002) and foreign keys are enforced', async () => {
    await expect(db.organization.create({ data: { id: newId(), slug: (await db.organization.findUniqueOrThrow({ where: { id: orgId } })).slug, name: 'dup' } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(db.project.create({ data: { id: newId(), orgId: newId(), slug: 'orphan', name: 'x' } })).rejects.toThrow();
  });

  it('deleting an organization cascades to everything it owns', async () => {
    const other = newId();
    await db.organization.create({ data: { id: other, slug: `c-${other.slice(-8)}`, name: 'C' } });
    const project = newId();
    await db.project.create({ data: { id: project, orgId: other, slug: 'p', name: 'p' } });
    await db.environment.create({ data: { id: newId(), orgId: other, projectId: project, slug: 'e', name: 'e', stage: 'development' } });
    await db.organization.delete({ where: { id: other } });
    expect(await db.environment.count({ where: { orgId: other } })).toBe(0);
  });
});
