import 'server-only';
import type { TEffectiveCredential } from '@/lib/schemas/credentials';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { noCredential } from './no-credential';
import { environmentForResolutionSelect, resolveEffectiveCredentials } from './resolve-effective-credentials';

/** GET /api/v1/orgs/{orgId}/environments/{envId}/effective-credential; 404 no_credential when nothing applies. */
export async function getEffectiveCredential(access: OrgAccess, envId: string): Promise<TEffectiveCredential> {
  const db = getDb();
  const env = await db.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: environmentForResolutionSelect });
  if (!env) throw notFound('environment');
  const [row] = await resolveEffectiveCredentials(db, access.orgId, [env]);
  if (!row?.effective) throw noCredential('admin');
  return { ...row.effective, environment: row.environment };
}
