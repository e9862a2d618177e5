import 'server-only';
import type { TProject } from '@/lib/schemas/projects';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { afterCursor, toPage, type Page, type PageQuery } from '../db/paginate';
import { notFound } from '../errors';
import { toProjectDto } from './project-dto';

export async function listProjects(access: OrgAccess, query: PageQuery): Promise<Page<TProject>> {
  const rows = await getDb().project.findMany({
    where: { orgId: access.orgId, ...afterCursor(query, 'asc') },
    include: { _count: { select: { environments: true } } },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
  });
  return toPage(rows, query, toProjectDto);
}

export async function getProject(access: OrgAccess, projectId: string): Promise<TProject> {
  const project = await getDb().project.findFirst({ where: { id: projectId, orgId: access.orgId }, include: { _count: { select: { environments: true } } } });
  if (!project) throw notFound('project');
  return toProjectDto(project);
}
