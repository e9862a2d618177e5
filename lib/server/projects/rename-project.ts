import 'server-only';
import type { TProject } from '@/lib/schemas/projects';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { projectSnapshot, toProjectDto } from './project-dto';

// Slugs are immutable (they are in every `sub` and in trust policies); names change with a version check.
export async function renameProject(access: OrgAccess, projectId: string, input: { name: string; version: number }): Promise<TProject> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.project.findFirst({ where: { id: projectId, orgId: access.orgId, version: input.version } });
    if (!before) {
      const current = await tx.project.findFirst({ where: { id: projectId, orgId: access.orgId }, select: { version: true } });
      throw current ? versionConflict('project', current.version) : notFound('project');
    }
    const updated = await tx.project.updateMany({ where: { id: projectId, orgId: access.orgId, version: input.version }, data: { name: input.name, version: { increment: 1 } } });
    if (updated.count === 0) throw versionConflict('project');
    const after = await tx.project.findFirstOrThrow({ where: { id: projectId, orgId: access.orgId }, include: { _count: { select: { environments: true } } } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'project.update',
      target: { type: 'project', id: projectId, label: after.slug },
      before: projectSnapshot(before),
      after: projectSnapshot(after),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return toProjectDto(after);
  });
}
