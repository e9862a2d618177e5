import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '../../lib/server/db/client';
import { migrateDatabase } from '../../lib/server/db/migrate';
import { getConfig } from '../../lib/server/env';
import { runKeyHousekeeping } from '../../lib/server/oidc/key-housekeeping';
import { initializeIssuer } from '../../lib/server/oidc/initialize-issuer';
import { newId } from '../../lib/server/security/ids';
import { loadMasterKey } from '../../lib/server/security/master-key';
import { freshDatabase } from './database';

// The scheduled part of the key lifecycle against a real database: the next key is created ahead
// of its activation, retired keys are removed (and their private material erased) after the
// retention, and replicas running it at once do the work once.

const DAY = 86_400_000;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  process.env.TRUSTBRIDGE_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'tb-hk-'));
  process.env.TRUSTBRIDGE_MASTER_KEY = Buffer.alloc(32, 5).toString('base64');
  if (fresh.database.kind === 'postgresql') process.env.DATABASE_URL = fresh.database.url;
  else process.env.DATABASE_URL = `file:${fresh.database.file}`;
  loadMasterKey(getConfig());
  await migrateDatabase(getConfig().database);
}, 60_000);

afterAll(async () => {
  await getDb().$disconnect();
  await drop();
});

async function newOrg(activatedDaysAgo: number): Promise<string> {
  const orgId = newId();
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.organization.create({ data: { id: orgId, slug: `hk-${orgId.slice(-10)}`, name: 'HK' } });
    await initializeIssuer(tx, orgId, new Date(Date.now() - activatedDaysAgo * DAY));
  });
  return orgId;
}

describe('runKeyHousekeeping', () => {
  it('creates the next key a lead time before the period ends — once, even with two replicas at it', async () => {
    const orgId = await newOrg(100);
    const [a, b] = await Promise.all([runKeyHousekeeping(), runKeyHousekeeping()]);
    expect(a.rotated + b.rotated).toBeGreaterThanOrEqual(1);
    const keys = await getDb().signingKey.findMany({ where: { orgId }, orderBy: { activatesAt: 'asc' } });
    expect(keys).toHaveLength(2);
    const next = keys[1];
    // Missed schedule: the new key still gets the full 24 h lead before it signs.
    expect((next?.activatesAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const audit = await getDb().auditEvent.findMany({ where: { orgId, action: 'signing_key.schedule' } });
    expect(audit).toHaveLength(1);
    expect(await runKeyHousekeeping()).toMatchObject({ rotated: 0 });
  });

  it('leaves a young key alone', async () => {
    const orgId = await newOrg(10);
    await runKeyHousekeeping();
    expect(await getDb().signingKey.count({ where: { orgId } })).toBe(1);
  });

  it('removes a retired key after its retention and erases its private key', async () => {
    const orgId = await newOrg(100);
    const db = getDb();
    const [old] = await db.signingKey.findMany({ where: { orgId } });
    if (!old) throw new Error('no key');
    await db.$transaction(async (tx) => {
      const { createSigningKey } = await import('../../lib/server/oidc/create-signing-key');
      await createSigningKey(tx, orgId, 'ES256', new Date(Date.now() - 3 * 3_600_000));
    });
    await runKeyHousekeeping();
    const after = await db.signingKey.findUniqueOrThrow({ where: { id: old.id } });
    expect(after).toMatchObject({ removalReason: 'retention_ended', encryptedPrivateKey: '' });
    expect(after.removedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { orgId, action: 'signing_key.remove' } })).toBe(1);
  });
});
