import 'server-only';
import type { TCreatedEnvironmentToken } from '@/lib/schemas/tokens';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { generateEnvironmentToken } from '../security/environment-token';
import { newId } from '../security/ids';
import { toTokenDto, tokenSnapshot } from './token-dto';

/** Returns the token once; only its SHA-256 and display prefix are stored. */
export async function createEnvironmentToken(access: OrgAccess, envId: string, input: { name: string; expiresAt?: string | null | undefined }): Promise<TCreatedEnvironmentToken> {
  const secret = generateEnvironmentToken();
  return getDb().$transaction(async (tx) => {
    const env = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId }, include: { project: { select: { slug: true } } } });
    if (!env) throw notFound('environment');
    const row = await tx.environmentToken.create({
      data: {
        id: newId(),
        orgId: access.orgId,
        environmentId: env.id,
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.hash,
        createdById: access.userId,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'environment_token.create',
      target: { type: 'environment_token', id: row.id, label: `${env.project.slug}/${env.slug}: ${row.name}` },
      after: tokenSnapshot(row),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return { ...toTokenDto(row), token: secret.token };
  });
}
