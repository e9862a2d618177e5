import 'server-only';
import { keyStatuses } from '@/lib/domain/claims/key-lifecycle';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { createSigningKey } from './create-signing-key';
import { claimKeyChange, WIPED_KEY } from './key-changes';
import { invalidateIssuerState } from './issuer-cache';
import { readIssuerSettings } from './issuer-settings';

// Emergency revoke (a key is suspected compromised): the key leaves the JWKS at once — on every
// replica within the cache bound — and its private material is erased. Every token it signed
// stops verifying for anyone who refetches the JWKS. If it was signing, a scheduled next key takes
// over immediately, or a new key is created and signs immediately (no lead time: the old one must
// not be used a second longer).
export async function revokeSigningKey(access: OrgAccess, kid: string, now = new Date()) {
  const result = await getDb().$transaction(async (tx) => {
    const row = await tx.issuerSettings.findUnique({ where: { orgId: access.orgId } });
    if (!row) throw notFound('organization');
    const keys = await tx.signingKey.findMany({ where: { orgId: access.orgId, removedAt: null }, select: { id: true, kid: true, activatesAt: true, removedAt: true } });
    const statuses = keyStatuses(keys, now);
    const target = statuses.find((s) => s.key.kid === kid);
    if (!target) throw notFound('signing key');
    await claimKeyChange(tx, access.orgId, row.keysVersion);
    await tx.signingKey.update({ where: { id: target.key.id }, data: { removedAt: now, removalReason: 'emergency_revoke', encryptedPrivateKey: WIPED_KEY } });
    let replacement: string | null = null;
    if (target.state === 'active') {
      const pending = statuses.find((s) => s.state === 'next');
      if (pending) {
        await tx.signingKey.update({ where: { id: pending.key.id }, data: { activatesAt: now } });
        replacement = pending.key.kid;
      } else {
        replacement = (await createSigningKey(tx, access.orgId, readIssuerSettings(row).algorithm, now, now)).kid;
      }
    }
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'signing_key.revoke',
      target: { type: 'signing_key', id: kid, label: kid },
      before: { kid, state: target.state },
      after: { kid, state: 'removed', replacementKid: replacement },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return { kid, replacementKid: replacement };
  });
  invalidateIssuerState(access.orgId);
  return result;
}
