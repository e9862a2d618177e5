import 'server-only';
import { keyStatuses } from '@/lib/domain/claims/key-lifecycle';
import type { TSigningKeyInfo } from '@/lib/schemas/issuer';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';

export async function listSigningKeys(access: OrgAccess, now = new Date()): Promise<TSigningKeyInfo[]> {
  const keys = await getDb().signingKey.findMany({
    where: { orgId: access.orgId },
    select: { id: true, kid: true, algorithm: true, createdAt: true, activatesAt: true, removedAt: true, removalReason: true },
    orderBy: { activatesAt: 'desc' },
  });
  return keyStatuses(keys, now).map(({ key, state, retiredAt, publishedUntil }) => ({
    kid: key.kid,
    algorithm: key.algorithm === 'RS256' ? 'RS256' : 'ES256',
    state,
    createdAt: key.createdAt.toISOString(),
    activatesAt: key.activatesAt.toISOString(),
    retiredAt: retiredAt?.toISOString() ?? null,
    publishedUntil: publishedUntil?.toISOString() ?? null,
    removedAt: key.removedAt?.toISOString() ?? null,
    removalReason: key.removalReason,
  }));
}
