import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { forgetAllEnvironmentTokens } from '../environment-tokens/authenticate-environment-token';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { projectSnapshot } from './project-dto';

/** Deletes the project with its environments, their tokens (which stop working at once) and overrides, and its deployment credential. */
export async function deleteProject(access: OrgAccess, projectId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { id: projectId, orgId: access.orgId },
      include: {
        environments: { select: { id: true, slug: true, override: { select: { roleArn: true, durationSeconds: true } } } },
        deploymentCredentials: { select: { id: true, name: true, roleArn: true, durationSeconds: true } },
      },
    });
    if (!project) throw notFound('project');
    await tx.project.delete({ where: { id: project.id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'project.delete',
      target: { type: 'project', id: project.id, label: project.slug },
      // The project's deployment credential and its environments' overrides go with it (cascade).
      before: {
        ...projectSnapshot(project),
        environments: project.environments.map((e) => e.slug),
        deploymentCredential: project.deploymentCredentials[0] ?? null,
        environmentOverrides: project.environments.flatMap((e) => (e.override ? [{ environment: e.slug, ...e.override }] : [])),
      },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
  // Their tokens were deleted with them: stop honouring cached ones on this replica at once.
  forgetAllEnvironmentTokens();
}
