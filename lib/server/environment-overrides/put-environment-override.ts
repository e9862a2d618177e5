import 'server-only';
import type { z } from 'zod';
import { DURATION_SECONDS_DEFAULT } from '@/lib/domain/aws/limits';
import type { TEnvironmentOverride, ZPutOverride } from '@/lib/schemas/credentials';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { ORG_SCOPE } from '../credentials/credential-dto';
import { durationAboveMaximum, findRecordedRole } from '../aws-roles/recorded-role';
import { requireCurrentVersion } from '../credentials/version-rule';
import { getDb, type Tx } from '../db/client';
import { badRequest, notFound, prismaErrorCode, versionConflict } from '../errors';
import { overrideSelect, overrideSnapshot, toOverrideDto } from './override-dto';
import { forgetEffectiveCredentials } from '../effective-credentials/environment-aws-credential';

// PUT /api/v1/orgs/{orgId}/environments/{envId}/override {roleArn, durationSeconds?, version?}
//   none yet           → created (201); a `version` sent means the caller edited one that has
//                        since been deleted → 409 version_conflict (never a silent re-creation)
//   one exists         → `version` must be its current one; missing or stale → 409
//                        version_conflict with currentVersion; else updated (200)
// The duration the environment ends up with (the override's, else the credential below it) must
// be within the recorded role's MaxSessionDuration. Two concurrent creations: the second trips
// the primary key and gets the 409 with the first one's version.

type Input = z.output<typeof ZPutOverride>;

async function inheritedDuration(tx: Tx, orgId: string, projectId: string): Promise<number> {
  const below = await tx.deploymentCredential.findMany({ where: { orgId, scopeKey: { in: [projectId, ORG_SCOPE] } }, select: { scopeKey: true, durationSeconds: true } });
  return (below.find((c) => c.scopeKey === projectId) ?? below.find((c) => c.scopeKey === ORG_SCOPE))?.durationSeconds ?? DURATION_SECONDS_DEFAULT;
}

export async function putEnvironmentOverride(access: OrgAccess, envId: string, input: Input): Promise<{ created: boolean; override: TEnvironmentOverride }> {
  const db = getDb();
  try {
    const result = await db.$transaction(async (tx) => {
      const env = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: { id: true, slug: true, projectId: true, project: { select: { slug: true } } } });
      if (!env) throw notFound('environment');
      const current = await tx.environmentOverride.findFirst({ where: { environmentId: envId, orgId: access.orgId }, select: overrideSelect });
      if (current) requireCurrentVersion('environment override', current.version, input.version);
      else if (input.version !== undefined) throw versionConflict('environment override');
      const durationSeconds = input.durationSeconds ?? null;
      const role = await findRecordedRole(tx, access.orgId, input.roleArn);
      const problem = durationAboveMaximum(role, durationSeconds ?? (await inheritedDuration(tx, access.orgId, env.projectId)));
      if (problem) {
        const message = durationSeconds === null ? `${problem} The override inherits that duration: set durationSeconds for it.` : problem;
        throw badRequest(message, [{ path: 'durationSeconds', message }]);
      }
      let row;
      if (current) {
        const updated = await tx.environmentOverride.updateMany({ where: { environmentId: envId, orgId: access.orgId, version: current.version }, data: { roleArn: input.roleArn, durationSeconds, version: { increment: 1 } } });
        if (updated.count !== 1) throw versionConflict('environment override');
        row = await tx.environmentOverride.findFirstOrThrow({ where: { environmentId: envId, orgId: access.orgId }, select: overrideSelect });
      } else {
        row = await tx.environmentOverride.create({ data: { environmentId: envId, orgId: access.orgId, roleArn: input.roleArn, durationSeconds, createdById: access.userId }, select: overrideSelect });
      }
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'environment_override.set',
        target: { type: 'environment', id: envId, label: `${env.project.slug}/${env.slug}` },
        before: current ? overrideSnapshot(current) : null,
        after: overrideSnapshot(row),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return { created: !current, override: toOverrideDto(row, role) };
    });
    forgetEffectiveCredentials();
    return result;
  } catch (error) {
    if (prismaErrorCode(error) !== 'P2002') throw error;
    const now = await db.environmentOverride.findFirst({ where: { environmentId: envId, orgId: access.orgId }, select: { version: true } });
    throw versionConflict('environment override', now?.version);
  }
}
