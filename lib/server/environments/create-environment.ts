import 'server-only';
import type { TCreateEnvironment, TEnvironment } from '@/lib/schemas/projects';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { alreadyExists, notFound, prismaErrorCode } from '../errors';
import { newId } from '../security/ids';
import { environmentInclude, environmentSnapshot, toEnvironmentDto } from './environment-dto';

export async function createEnvironment(access: OrgAccess, input: TCreateEnvironment): Promise<TEnvironment> {
  try {
    return await getDb().$transaction(async (tx) => {
      // The project must belong to the caller's organization: scoped lookup, 404 otherwise.
      const project = await tx.project.findFirst({ where: { id: input.projectId, orgId: access.orgId }, select: { id: true, slug: true } });
      if (!project) throw notFound('project');
      const created = await tx.environment.create({
        data: { id: newId(), orgId: access.orgId, projectId: project.id, slug: input.slug, name: input.name, stage: input.stage },
        include: environmentInclude(new Date()),
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'environment.create',
        target: { type: 'environment', id: created.id, label: `${project.slug}/${created.slug}` },
        after: environmentSnapshot(created),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toEnvironmentDto(created);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw alreadyExists(`An environment with the slug "${input.slug}" already exists in this project.`, 'slug');
    throw error;
  }
}
