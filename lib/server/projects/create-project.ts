import 'server-only';
import type { TCreateProject, TProject } from '@/lib/schemas/projects';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { alreadyExists, prismaErrorCode } from '../errors';
import { newId } from '../security/ids';
import { projectSnapshot, toProjectDto } from './project-dto';

export async function createProject(access: OrgAccess, input: TCreateProject): Promise<TProject> {
  try {
    return await getDb().$transaction(async (tx) => {
      const project = await tx.project.create({ data: { id: newId(), orgId: access.orgId, slug: input.slug, name: input.name } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'project.create',
        target: { type: 'project', id: project.id, label: project.slug },
        after: projectSnapshot(project),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toProjectDto(project);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw alreadyExists(`A project with the slug "${input.slug}" already exists in this organization.`, 'slug');
    throw error;
  }
}
