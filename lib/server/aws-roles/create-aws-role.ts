import 'server-only';
import type { z } from 'zod';
import { roleArn } from '@/lib/domain/aws/arn';
import type { TAwsRole, ZCreateAwsRole } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { getDb } from '../db/client';
import { alreadyExists, prismaErrorCode } from '../errors';
import { newId } from '../security/ids';
import { policyContext } from '../trust-policies/policy-context';
import { analyseRolePolicy, assertNoLintErrors } from './analyse-role-policy';
import { applyRoleRecord } from './apply-aws-role';
import { awsRoleSnapshot, roleTarget, toAwsRoleDto, type AwsRoleRow } from './aws-role-dto';
import { resolveRoleTrustPolicy, type ResolvedTrustPolicy } from './resolve-role-trust-policy';

// POST /api/v1/orgs/{orgId}/aws/roles. Everything that needs no AWS write is checked first — the
// fields (zod), the trust policy (valid, within IAM's size quota, a provider of this account, no
// lint errors), the name (unique case-insensitively per account, as IAM requires) and, with
// `apply: true`, the credentials' account — and only then is the record written and the role
// created or updated in AWS.

type Input = z.output<typeof ZCreateAwsRole>;

const taken = (name: string, accountId: string) => alreadyExists(`This organization already has a role named ${name} (IAM role names are case-insensitive) in AWS account ${accountId}.`, 'roleName');

async function insert(access: OrgAccess, input: Input, policy: ResolvedTrustPolicy, arn: string): Promise<AwsRoleRow> {
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.awsRole.create({
        data: {
          id: newId(),
          orgId: access.orgId,
          accountId: input.accountId,
          name: input.roleName,
          nameKey: input.roleName.toLowerCase(),
          path: input.path,
          arn,
          description: input.description,
          maxSessionDuration: input.maxSessionDuration,
          trustPolicy: policy.document,
          builder: policy.builder,
          trustPolicyId: policy.trustPolicyId,
          managedPolicyArns: JSON.stringify(input.managedPolicyArns),
          createdById: access.userId,
        },
      });
      await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_role.create', target: roleTarget(row), after: awsRoleSnapshot(row), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
      return row;
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw taken(input.roleName, input.accountId);
    throw error;
  }
}

export async function createAwsRole(access: OrgAccess, input: Input): Promise<TAwsRole> {
  const context = await policyContext(access);
  const policy = await resolveRoleTrustPolicy(access.orgId, context, input, input.accountId);
  const analysis = analyseRolePolicy(context, policy.document, input.accountId);
  assertNoLintErrors(analysis, input.trustPolicyId !== undefined ? 'trustPolicyId' : 'trustPolicy');
  const nameKey = input.roleName.toLowerCase();
  if (await getDb().awsRole.findFirst({ where: { orgId: access.orgId, accountId: input.accountId, nameKey }, select: { id: true } })) throw taken(input.roleName, input.accountId);
  const arn = roleArn({ partition: 'aws', accountId: input.accountId, path: input.path, name: input.roleName });
  if (!input.apply) return toAwsRoleDto(await insert(access, input, policy, arn), analysis);
  return withAwsSession(sessionInput({ accountId: input.accountId, partition: 'aws', arn }, 'role.apply', input.awsCredentials, access.meta.requestId), async (session) => {
    const row = await insert(access, input, policy, arn);
    return applyRoleRecord(access, session, row, false, analysis);
  });
}
