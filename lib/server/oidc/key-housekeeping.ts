import 'server-only';
import { keyStatuses, scheduledRotation } from '@/lib/domain/claims/key-lifecycle';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { log } from '../log';
import { createSigningKey } from './create-signing-key';
import { claimKeyChange, WIPED_KEY } from './key-changes';
import { invalidateIssuerState } from './issuer-cache';
import { readIssuerSettings } from './issuer-settings';

// Runs on every replica once a minute: creates scheduled next keys (published `rotationLeadHours`
// before they sign) and removes retired keys whose retention has ended (their private material is
// erased). Replicas race harmlessly: every change is compare-and-set on keysVersion.

const INTERVAL_MS = 60_000;

export async function runKeyHousekeeping(now = new Date()): Promise<{ rotated: number; removed: number }> {
  const db = getDb();
  const [settingsRows, keys] = await Promise.all([
    db.issuerSettings.findMany(),
    db.signingKey.findMany({ where: { removedAt: null }, select: { id: true, orgId: true, kid: true, activatesAt: true, removedAt: true } }),
  ]);
  const keysByOrg = new Map<string, typeof keys>();
  for (const key of keys) keysByOrg.set(key.orgId, [...(keysByOrg.get(key.orgId) ?? []), key]);
  let rotated = 0;
  let removed = 0;
  for (const row of settingsRows) {
    const orgKeys = keysByOrg.get(row.orgId) ?? [];
    const settings = readIssuerSettings(row);
    const expired = keyStatuses(orgKeys, now).filter((s) => s.state === 'retired' && !s.published);
    const schedule = scheduledRotation(orgKeys, now, settings.rotationPeriodDays * 86_400_000, settings.rotationLeadHours * 3_600_000);
    const rotate = schedule !== null && schedule.createAt.getTime() <= now.getTime();
    if (expired.length === 0 && !rotate) continue;
    try {
      await db.$transaction(async (tx) => {
        await claimKeyChange(tx, row.orgId, row.keysVersion);
        for (const status of expired) {
          await tx.signingKey.update({ where: { id: status.key.id }, data: { removedAt: now, removalReason: 'retention_ended', encryptedPrivateKey: WIPED_KEY } });
          await recordAudit(tx, { orgId: row.orgId, actor: SYSTEM_ACTOR, action: 'signing_key.remove', target: { type: 'signing_key', id: status.key.kid, label: status.key.kid }, after: { reason: 'retention_ended' } }, now);
        }
        if (rotate && schedule) {
          const created = await createSigningKey(tx, row.orgId, settings.algorithm, schedule.activatesAt, now);
          await recordAudit(tx, { orgId: row.orgId, actor: SYSTEM_ACTOR, action: 'signing_key.schedule', target: { type: 'signing_key', id: created.kid, label: created.kid }, after: { kid: created.kid, activatesAt: schedule.activatesAt } }, now);
        }
      });
      removed += expired.length;
      if (rotate) rotated += 1;
      invalidateIssuerState(row.orgId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'version_conflict') continue; // another replica did it
      throw error;
    }
  }
  return { rotated, removed };
}

export function startKeyHousekeeping(): { stop: () => void } {
  const tick = () =>
    runKeyHousekeeping()
      .then((r) => (r.rotated || r.removed ? log.info('signing-key housekeeping', r) : undefined))
      .catch((error: unknown) => log.error('signing-key housekeeping failed', { error }));
  void tick();
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
