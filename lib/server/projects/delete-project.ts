import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { forgetAllEnvironmentTokens } from '../environment-tokens/authenticate-environment-token';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { projectSnapshot } from './project-dto';

/** Deletes the project with its environments and their tokens (which stop working at once). */
export async function deleteProject(access: OrgAccess, projectId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { id: projectId, orgId: access.orgId }, include: { environments: { select: { id: true, slug: true } } } });
    if (!project) throw notFound('project');
    await tx.project.delete({ where: { id: project.id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'project.delete',
      target: { type: 'project', id: project.id, label: project.slug },
      before: { ...projectSnapshot(project), environments: project.environments.map((e) => e.slug) },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
  // Their tokens were deleted with them: stop honouring cached ones on this replica at once.
  forgetAllEnvironmentTokens();
}
