import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { credentialLabel, credentialSelect, credentialSnapshot } from './credential-dto';
import { requireCurrentVersion } from './version-rule';
import { forgetEffectiveCredentials } from '../effective-credentials/environment-aws-credential';

// DELETE /api/v1/orgs/{orgId}/credentials/{credentialId}?version=N. Deleting a credential changes
// the effective credential of many environments at once, so the caller must show it deletes the
// version it saw: a missing or stale version → 409 version_conflict with currentVersion.

export async function deleteCredential(access: OrgAccess, credentialId: string, version: number | undefined): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.deploymentCredential.findFirst({ where: { id: credentialId, orgId: access.orgId }, select: credentialSelect });
    if (!row) throw notFound('credential');
    requireCurrentVersion('credential', row.version, version);
    const deleted = await tx.deploymentCredential.deleteMany({ where: { id: credentialId, orgId: access.orgId, version: row.version } });
    if (deleted.count !== 1) throw versionConflict('credential');
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'credential.delete',
      target: { type: 'deployment_credential', id: row.id, label: credentialLabel(row) },
      before: credentialSnapshot(row),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
  forgetEffectiveCredentials();
}
