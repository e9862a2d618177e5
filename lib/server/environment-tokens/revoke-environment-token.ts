import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { forgetEnvironmentToken } from './authenticate-environment-token';
import { tokenSnapshot } from './token-dto';

/** Idempotent: revoking a revoked token changes nothing and writes no second audit row. */
export async function revokeEnvironmentToken(access: OrgAccess, envId: string, tokenId: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const token = await tx.environmentToken.findFirst({
      where: { id: tokenId, environmentId: envId, orgId: access.orgId },
      include: { environment: { select: { slug: true, project: { select: { slug: true } } } } },
    });
    if (!token) throw notFound('token');
    const changed = await tx.environmentToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (changed.count === 0) return;
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'environment_token.revoke',
      target: { type: 'environment_token', id: token.id, label: `${token.environment.project.slug}/${token.environment.slug}: ${token.name}` },
      before: tokenSnapshot(token),
      after: tokenSnapshot({ ...token, revokedAt: now }),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  }, { timeout: 10_000 });
  forgetEnvironmentToken(tokenId);
}
