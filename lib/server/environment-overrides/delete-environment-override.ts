import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { requireCurrentVersion } from '../credentials/version-rule';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { noOverride } from './get-environment-override';
import { overrideSelect, overrideSnapshot } from './override-dto';
import { forgetEffectiveCredentials } from '../effective-credentials/environment-aws-credential';

// DELETE /api/v1/orgs/{orgId}/environments/{envId}/override?version=N: the environment falls back
// to its project's or the organization's credential. Missing or stale version → 409.

export async function deleteEnvironmentOverride(access: OrgAccess, envId: string, version: number | undefined): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const env = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: { slug: true, project: { select: { slug: true } }, override: { select: overrideSelect } } });
    if (!env) throw notFound('environment');
    if (!env.override) throw noOverride();
    requireCurrentVersion('environment override', env.override.version, version);
    const deleted = await tx.environmentOverride.deleteMany({ where: { environmentId: envId, orgId: access.orgId, version: env.override.version } });
    if (deleted.count !== 1) throw versionConflict('environment override');
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'environment_override.delete',
      target: { type: 'environment', id: envId, label: `${env.project.slug}/${env.slug}` },
      before: overrideSnapshot(env.override),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
  forgetEffectiveCredentials();
}
