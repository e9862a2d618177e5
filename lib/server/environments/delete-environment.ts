import 'server-only';
import { recordAudit } from '../audit/record-audit';
import { forgetAllEnvironmentTokens } from '../environment-tokens/authenticate-environment-token';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { environmentSnapshot } from './environment-dto';

/** Deletes the environment, its tokens (which stop working at once) and its override. */
export async function deleteEnvironment(access: OrgAccess, envId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const env = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId }, include: { project: { select: { slug: true } }, override: { select: { roleArn: true, durationSeconds: true } } } });
    if (!env) throw notFound('environment');
    await tx.environment.delete({ where: { id: env.id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'environment.delete',
      target: { type: 'environment', id: env.id, label: `${env.project.slug}/${env.slug}` },
      // Its override goes with it (cascade).
      before: { ...environmentSnapshot(env), override: env.override },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
  // Their tokens were deleted with them: stop honouring cached ones on this replica at once.
  forgetAllEnvironmentTokens();
}
