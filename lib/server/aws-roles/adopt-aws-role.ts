import 'server-only';
import { roleArn } from '@/lib/domain/aws/arn';
import { parsePolicy, renderPolicy } from '@/lib/domain/trust-policy';
import type { TAwsCredentials, TAwsRole, TLastVerification } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { getDb } from '../db/client';
import { AppError, notFound, versionConflict } from '../errors';
import { analyseRole } from './analyse-role-policy';
import { awsRoleSnapshot, roleTarget, toAwsRoleDto } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { readRoleInAws } from './read-role-in-aws';

// POST …/aws/roles/{id}/adopt: "take AWS's version into the record" — trust policy, path,
// MaxSessionDuration, description and attached managed policies become the record's. The trust
// policy is kept as AWS has it (canonical JSON when the engine reads it), so it is unlinked from
// the builder and any saved policy. Lint findings are returned, not enforced: the record now says
// what AWS has; applying it again is what lint guards. Needs the `version` the caller saw.

export async function adoptAwsRole(access: OrgAccess, roleId: string, input: { version: number; awsCredentials?: TAwsCredentials | undefined }): Promise<TAwsRole> {
  const row = await findAwsRole(access.orgId, roleId);
  if (row.version !== input.version) throw versionConflict('AWS role', row.version);
  const aws = await withAwsSession(sessionInput(row, 'role.adopt', input.awsCredentials, access.meta.requestId), (session) => readRoleInAws(session, row));
  if (!aws) throw new AppError(400, 'aws_not_found', `The role ${row.arn} does not exist in AWS, so there is nothing to take into the record. Apply the record to create it.`);
  const parsed = parsePolicy(aws.trustPolicy);
  const trustPolicy = parsed.ok ? renderPolicy(parsed.policy) : aws.trustPolicy;
  const verification: TLastVerification = { at: new Date().toISOString(), inSync: true, differences: [] };
  const after = await getDb().$transaction(async (tx) => {
    const updated = await tx.awsRole.updateMany({
      where: { id: row.id, orgId: access.orgId, version: input.version },
      data: {
        path: aws.path,
        arn: roleArn({ partition: 'aws', accountId: row.accountId, path: aws.path, name: row.name }),
        description: aws.description,
        maxSessionDuration: aws.maxSessionDuration,
        trustPolicy,
        builder: null,
        trustPolicyId: null,
        managedPolicyArns: JSON.stringify(aws.managedPolicyArns),
        status: 'in_sync',
        lastVerification: JSON.stringify(verification),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) {
      const now = await tx.awsRole.findFirst({ where: { id: row.id, orgId: access.orgId }, select: { version: true } });
      throw now ? versionConflict('AWS role', now.version) : notFound('AWS role');
    }
    const saved = await tx.awsRole.findFirstOrThrow({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_role.adopt', target: roleTarget(saved), before: awsRoleSnapshot(row), after: awsRoleSnapshot(saved), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
    return saved;
  });
  return toAwsRoleDto(after, await analyseRole(access, after.trustPolicy, after.accountId));
}
