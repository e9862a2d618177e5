import 'server-only';
import { keyStatuses } from '@/lib/domain/claims/key-lifecycle';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, notFound } from '../errors';
import type { SigningAlgorithm } from '../security/signing-key-material';
import { createSigningKey } from './create-signing-key';
import { claimKeyChange } from './key-changes';
import { invalidateIssuerState } from './issuer-cache';
import { readIssuerSettings } from './issuer-settings';

// Manual rotation. A new key is published `leadHours` before it signs (default: the org's lead
// time), so verifiers that cache the JWKS learn it first. leadHours = 0 signs with it at once (the
// UI warns: a verifier holding a JWKS older than the new key rejects tokens until it refetches).
// If a next key is already scheduled, leadHours = 0 activates it now; otherwise 409.
export async function rotateSigningKey(access: OrgAccess, input: { leadHours?: number | undefined; algorithm?: SigningAlgorithm | undefined }, now = new Date()) {
  const result = await getDb().$transaction(async (tx) => {
    const row = await tx.issuerSettings.findUnique({ where: { orgId: access.orgId } });
    if (!row) throw notFound('organization');
    const settings = readIssuerSettings(row);
    const keys = await tx.signingKey.findMany({ where: { orgId: access.orgId, removedAt: null }, select: { id: true, kid: true, activatesAt: true, removedAt: true } });
    const pending = keyStatuses(keys, now).find((s) => s.state === 'next');
    const leadHours = input.leadHours ?? settings.rotationLeadHours;
    await claimKeyChange(tx, access.orgId, row.keysVersion);
    let kid: string;
    let activatesAt: Date;
    if (pending) {
      if (leadHours !== 0) {
        throw new AppError(409, 'conflict', `A new key (${pending.key.kid}) is already published and starts signing at ${pending.key.activatesAt.toISOString()}. Rotate with leadHours 0 to start signing with it now.`);
      }
      await tx.signingKey.update({ where: { id: pending.key.id }, data: { activatesAt: now } });
      kid = pending.key.kid;
      activatesAt = now;
    } else {
      activatesAt = new Date(now.getTime() + leadHours * 3600 * 1000);
      const created = await createSigningKey(tx, access.orgId, input.algorithm ?? settings.algorithm, activatesAt, now);
      kid = created.kid;
    }
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'signing_key.rotate',
      target: { type: 'signing_key', id: kid, label: kid },
      after: { kid, activatesAt, leadHours },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return { kid, activatesAt: activatesAt.toISOString() };
  });
  invalidateIssuerState(access.orgId);
  return result;
}
