import 'server-only';
import type { z } from 'zod';
import type { TDeploymentCredential, ZCreateCredential } from '@/lib/schemas/credentials';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { newId } from '../security/ids';
import { explainUniqueViolation, requireFreeScopeAndName } from './credential-conflicts';
import { credentialLabel, credentialSelect, credentialSnapshot, ORG_SCOPE, toCredentialDto } from './credential-dto';
import { allowedAudience, requireDurationWithinRole, requireProjectOfOrg } from './credential-rules';
import { findRecordedRole } from '../aws-roles/recorded-role';
import { forgetEffectiveCredentials } from '../effective-credentials/environment-aws-credential';

// POST /api/v1/orgs/{orgId}/credentials: the organization default (no projectId) or a project's
// default. Checks: project of this org → audience allowed → duration within the recorded role's
// MaxSessionDuration → scope and name free; then the row and its audit row in one transaction.

export async function createCredential(access: OrgAccess, input: z.output<typeof ZCreateCredential>): Promise<TDeploymentCredential> {
  const projectId = input.projectId ?? null;
  const scopeKey = projectId ?? ORG_SCOPE;
  const db = getDb();
  try {
    const result = await db.$transaction(async (tx) => {
      if (projectId) await requireProjectOfOrg(tx, access.orgId, projectId);
      const audience = await allowedAudience(tx, access.orgId, input.audience);
      await requireDurationWithinRole(tx, access.orgId, input.roleArn, input.durationSeconds);
      await requireFreeScopeAndName(tx, access.orgId, { scopeKey, name: input.name });
      const row = await tx.deploymentCredential.create({
        data: { id: newId(), orgId: access.orgId, projectId, scopeKey, name: input.name, roleArn: input.roleArn, durationSeconds: input.durationSeconds, audience, region: input.region ?? null, createdById: access.userId },
        select: credentialSelect,
      });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'credential.create',
        target: { type: 'deployment_credential', id: row.id, label: credentialLabel(row) },
        after: credentialSnapshot(row),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toCredentialDto(row, await findRecordedRole(tx, access.orgId, row.roleArn));
    });
    forgetEffectiveCredentials();
    return result;
  } catch (error) {
    return explainUniqueViolation(db, error, access.orgId, { scopeKey, name: input.name });
  }
}
