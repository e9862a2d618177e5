import 'server-only';
import type { z } from 'zod';
import type { TAwsRole, ZUpdateAwsRole } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { policyContext } from '../trust-policies/policy-context';
import { analyseRolePolicy, assertNoLintErrors } from './analyse-role-policy';
import { awsRoleSnapshot, roleTarget, toAwsRoleDto } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { resolveRoleTrustPolicy } from './resolve-role-trust-policy';

// PATCH …/aws/roles/{id}: description, MaxSessionDuration, trust policy (or saved policy) and
// managed policies. The account, name and path name the role in IAM and cannot change. A change AWS
// has not seen yet makes the status `recorded` until the next apply.

type Input = z.output<typeof ZUpdateAwsRole>;

export async function updateAwsRole(access: OrgAccess, roleId: string, input: Input): Promise<TAwsRole> {
  const current = await findAwsRole(access.orgId, roleId);
  if (current.version !== input.version) throw versionConflict('AWS role', current.version);
  const context = await policyContext(access);
  const policy =
    input.trustPolicy !== undefined || input.trustPolicyId !== undefined
      ? await resolveRoleTrustPolicy(access.orgId, context, input, current.accountId)
      : { document: current.trustPolicy, builder: input.builder !== undefined ? (input.builder === null ? null : JSON.stringify(input.builder)) : current.builder, trustPolicyId: current.trustPolicyId };
  const analysis = analyseRolePolicy(context, policy.document, current.accountId);
  if (policy.document !== current.trustPolicy) assertNoLintErrors(analysis, input.trustPolicyId !== undefined ? 'trustPolicyId' : 'trustPolicy');
  const data = {
    description: input.description ?? current.description,
    maxSessionDuration: input.maxSessionDuration ?? current.maxSessionDuration,
    trustPolicy: policy.document,
    builder: policy.builder,
    trustPolicyId: policy.trustPolicyId,
    managedPolicyArns: input.managedPolicyArns ? JSON.stringify(input.managedPolicyArns) : current.managedPolicyArns,
  };
  const changed = data.description !== current.description || data.maxSessionDuration !== current.maxSessionDuration || data.trustPolicy !== current.trustPolicy || data.managedPolicyArns !== current.managedPolicyArns;
  return getDb().$transaction(async (tx) => {
    const updated = await tx.awsRole.updateMany({ where: { id: roleId, orgId: access.orgId, version: input.version }, data: { ...data, ...(changed ? { status: 'recorded' } : {}), version: { increment: 1 } } });
    if (updated.count !== 1) {
      const now = await tx.awsRole.findFirst({ where: { id: roleId, orgId: access.orgId }, select: { version: true } });
      throw now ? versionConflict('AWS role', now.version) : notFound('AWS role');
    }
    const after = await tx.awsRole.findFirstOrThrow({ where: { id: roleId, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_role.update', target: roleTarget(after), before: awsRoleSnapshot(current), after: awsRoleSnapshot(after), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
    return toAwsRoleDto(after, analysis);
  });
}
