import 'server-only';
import type { TStage } from '@/lib/schemas/common';
import type { TEnvironment } from '@/lib/schemas/projects';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { afterCursor, toPage, type Page, type PageQuery } from '../db/paginate';
import { notFound } from '../errors';
import { environmentInclude, toEnvironmentDto } from './environment-dto';

export async function listEnvironments(access: OrgAccess, query: PageQuery & { projectId?: string | undefined; stage?: TStage | undefined }): Promise<Page<TEnvironment>> {
  const rows = await getDb().environment.findMany({
    where: {
      orgId: access.orgId,
      ...(query.projectId ? { projectId: query.projectId } : {}),
      ...(query.stage ? { stage: query.stage } : {}),
      ...afterCursor(query, 'asc'),
    },
    include: environmentInclude(new Date()),
    orderBy: { id: 'asc' },
    take: query.limit + 1,
  });
  return toPage(rows, query, toEnvironmentDto);
}

export async function getEnvironment(access: OrgAccess, envId: string): Promise<TEnvironment> {
  const env = await getDb().environment.findFirst({ where: { id: envId, orgId: access.orgId }, include: environmentInclude(new Date()) });
  if (!env) throw notFound('environment');
  return toEnvironmentDto(env);
}
