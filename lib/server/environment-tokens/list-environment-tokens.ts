import 'server-only';
import type { TEnvironmentToken } from '@/lib/schemas/tokens';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { toTokenDto } from './token-dto';

export async function listEnvironmentTokens(access: OrgAccess, envId: string): Promise<TEnvironmentToken[]> {
  const env = await getDb().environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: { id: true } });
  if (!env) throw notFound('environment');
  const rows = await getDb().environmentToken.findMany({
    where: { environmentId: env.id, orgId: access.orgId },
    orderBy: { id: 'desc' },
    take: 500,
    select: { id: true, environmentId: true, name: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  return rows.map(toTokenDto);
}
