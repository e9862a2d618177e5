import 'server-only';
import type { TStage } from '@/lib/schemas/common';
import type { TEffectiveCredentialRow } from '@/lib/schemas/credentials';
import type { OrgAccess } from '../auth/org-access';
import { ORG_SCOPE } from '../credentials/credential-dto';
import { getDb } from '../db/client';
import type { Prisma } from '../db/generated/sqlite/client';
import { afterCursor, toPage, type Page, type PageQuery } from '../db/paginate';
import { environmentForResolutionSelect, resolveEffectiveCredentials } from './resolve-effective-credentials';

// GET /api/v1/orgs/{orgId}/effective-credentials?projectId=&environmentId=&stage=&source=&cursor=&limit=: every
// environment of the organization with its effective credential (null when nothing applies), in
// creation order, keyset-paginated. The `source` filter is part of the query (relation filters),
// so pages are full. Per page: one query for the environments (+ project and override), then a
// constant number more (resolve-effective-credentials.ts).

type Source = 'environment' | 'project' | 'organization' | 'none';

async function sourceFilter(orgId: string, source: Source | undefined): Promise<Prisma.EnvironmentWhereInput | null> {
  if (source === undefined) return {};
  if (source === 'environment') return { override: { isNot: null } };
  if (source === 'project') return { override: { is: null }, project: { deploymentCredentials: { some: {} } } };
  const hasOrgCredential = (await getDb().deploymentCredential.count({ where: { orgId, scopeKey: ORG_SCOPE } })) > 0;
  // organization: no override, no project credential, and the organization has one; none: nothing at all.
  if ((source === 'organization') !== hasOrgCredential) return null;
  return { override: { is: null }, project: { deploymentCredentials: { none: {} } } };
}

export async function listEffectiveCredentials(
  access: OrgAccess,
  query: PageQuery & { projectId?: string | undefined; environmentId?: string | undefined; stage?: TStage | undefined; source?: Source | undefined },
): Promise<Page<TEffectiveCredentialRow>> {
  const db = getDb();
  const bySource = await sourceFilter(access.orgId, query.source);
  if (bySource === null) return { items: [], nextCursor: null };
  const environments = await db.environment.findMany({
    where: { orgId: access.orgId, ...(query.projectId ? { projectId: query.projectId } : {}), ...(query.environmentId ? { id: query.environmentId } : {}), ...(query.stage ? { stage: query.stage } : {}), ...bySource, ...afterCursor(query, 'asc') },
    select: environmentForResolutionSelect,
    orderBy: { id: 'asc' },
    take: query.limit + 1,
  });
  const page = toPage(environments, query, (env) => env);
  return { items: await resolveEffectiveCredentials(db, access.orgId, page.items), nextCursor: page.nextCursor };
}
