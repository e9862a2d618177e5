import 'server-only';
import type { z } from 'zod';
import type { TDeploymentCredential, ZUpdateCredential } from '@/lib/schemas/credentials';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { explainUniqueViolation, requireFreeScopeAndName } from './credential-conflicts';
import { credentialLabel, credentialSelect, credentialSnapshot, toCredentialDto } from './credential-dto';
import { requireCurrentVersion } from './version-rule';
import { allowedAudience, requireDurationWithinRole } from './credential-rules';
import { findRecordedRole } from '../aws-roles/recorded-role';
import { forgetEffectiveCredentials } from '../effective-credentials/environment-aws-credential';

// PATCH /api/v1/orgs/{orgId}/credentials/{credentialId}: a partial update with compare-and-set on
// `version` (stale → 409 version_conflict with currentVersion, nothing changes). The merged result
// is checked like a new credential; the scope never changes.

export async function updateCredential(access: OrgAccess, credentialId: string, input: z.output<typeof ZUpdateCredential>): Promise<TDeploymentCredential> {
  const db = getDb();
  try {
    const result = await db.$transaction(async (tx) => {
      const before = await tx.deploymentCredential.findFirst({ where: { id: credentialId, orgId: access.orgId }, select: credentialSelect });
      if (!before) throw notFound('credential');
      requireCurrentVersion('credential', before.version, input.version);
      const next = {
        name: input.name ?? before.name,
        roleArn: input.roleArn ?? before.roleArn,
        durationSeconds: input.durationSeconds ?? before.durationSeconds,
        audience: input.audience === undefined ? before.audience : await allowedAudience(tx, access.orgId, input.audience),
        region: input.region === undefined ? before.region : input.region,
      };
      await requireDurationWithinRole(tx, access.orgId, next.roleArn, next.durationSeconds);
      if (next.name !== before.name) await requireFreeScopeAndName(tx, access.orgId, { name: next.name }, credentialId);
      const updated = await tx.deploymentCredential.updateMany({ where: { id: credentialId, orgId: access.orgId, version: input.version }, data: { ...next, version: { increment: 1 } } });
      if (updated.count !== 1) throw versionConflict('credential');
      const after = await tx.deploymentCredential.findFirstOrThrow({ where: { id: credentialId, orgId: access.orgId }, select: credentialSelect });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'credential.update',
        target: { type: 'deployment_credential', id: credentialId, label: credentialLabel(after) },
        before: credentialSnapshot(before),
        after: credentialSnapshot(after),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toCredentialDto(after, await findRecordedRole(tx, access.orgId, after.roleArn));
    });
    forgetEffectiveCredentials();
    return result;
  } catch (error) {
    return explainUniqueViolation(db, error, access.orgId, { ...(input.name ? { name: input.name } : {}) }, credentialId);
  }
}
