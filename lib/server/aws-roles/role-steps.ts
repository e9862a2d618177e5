import 'server-only';
import { decodePolicyDocument, policiesEquivalent } from '@/lib/domain/aws/policy-compare';
import { MANAGED_BY_TAG, managedByTags, type RoleSpec } from '@/lib/domain/aws/resource-spec';
import type { TLastApply } from '@/lib/schemas/aws';
import { attachPolicy, createRole, detachPolicy, getRole, listAttachedPolicies, tagRole, updateRoleSettings, updateTrustPolicy, type RoleInAws } from '../aws/iam-roles';
import type { AwsSession } from '../aws/aws-session';
import type { PlannedStep, StepLog } from '../aws-records/step-log';
import { AppError } from '../errors';

// Apply of a role: CreateRole (trust policy, path, MaxSessionDuration, description, the tag naming
// the managing organization), or for an existing role UpdateAssumeRolePolicy + UpdateRole (+ the
// tag); then the record's managed policies are attached. Policies someone else attached stay and
// are reported in `extra` — detaching them silently could break whatever relies on them — unless
// the caller asked to prune. A role of the same name with another path, or managed by another
// Trustbridge organization, is refused (409 aws_entity_exists): IAM cannot move a role, and taking
// over another organization's role would hand it this organization's environments.

export interface RoleApplySummary {
  result: 'created' | 'updated';
  extra: TLastApply['extra'];
}

function checkAdoptable(existing: RoleInAws, spec: RoleSpec): void {
  if (existing.path !== spec.path) {
    throw new AppError(409, 'aws_entity_exists', `A role named ${spec.roleName} already exists in account ${spec.accountId} with path ${existing.path}. IAM cannot move a role to another path: record the role with path ${existing.path}, or choose another name.`, { action: 'iam:GetRole' });
  }
  const manager = existing.tags.find((t) => t.key === MANAGED_BY_TAG)?.value;
  if (manager !== undefined && manager !== spec.orgId) {
    throw new AppError(409, 'aws_entity_exists', `The role ${spec.roleName} in account ${spec.accountId} is managed by another Trustbridge organization (tag ${MANAGED_BY_TAG}). Choose another name.`, { action: 'iam:GetRole' });
  }
}

function attachSteps(session: AwsSession, spec: RoleSpec, arns: readonly string[]): PlannedStep[] {
  return arns.map((arn) => ({ action: 'iam:AttachRolePolicy', target: arn, work: () => attachPolicy(session, spec.roleName, arn) }));
}

export async function applyRoleSteps(session: AwsSession, log: StepLog, spec: RoleSpec, prune: boolean): Promise<RoleApplySummary> {
  const settings = { roleName: spec.roleName, arn: spec.arn, path: spec.path, description: spec.description, maxSessionDuration: spec.maxSessionDuration, trustPolicy: spec.trustPolicy, tags: managedByTags(spec.orgId) };
  const existing = await log.run(
    'iam:GetRole',
    spec.arn,
    async () => {
      const found = await getRole(session, spec.roleName, spec.arn);
      if (found) checkAdoptable(found, spec);
      return found;
    },
    (found) => ({ status: 'done', detail: found ? 'The role exists: updating it.' : 'The role does not exist yet.' }),
  );
  if (!existing) {
    await log.runPlan([{ action: 'iam:CreateRole', target: spec.arn, work: () => createRole(session, settings) }, ...attachSteps(session, spec, spec.managedPolicyArns)]);
    return { result: 'created', extra: {} };
  }
  const plan: PlannedStep[] = [];
  if (policiesEquivalent(decodePolicyDocument(spec.trustPolicy), decodePolicyDocument(existing.trustPolicy))) log.unchanged('iam:UpdateAssumeRolePolicy', spec.arn, 'The trust policy is already the record’s.');
  else plan.push({ action: 'iam:UpdateAssumeRolePolicy', target: spec.arn, work: () => updateTrustPolicy(session, settings) });
  if (existing.description === spec.description && existing.maxSessionDuration === spec.maxSessionDuration) log.unchanged('iam:UpdateRole', spec.arn, 'MaxSessionDuration and description are already the record’s.');
  else plan.push({ action: 'iam:UpdateRole', target: spec.arn, work: () => updateRoleSettings(session, settings) });
  if (!existing.tags.some((t) => t.key === MANAGED_BY_TAG)) plan.push({ action: 'iam:TagRole', target: spec.arn, detail: `${MANAGED_BY_TAG}=${spec.orgId}`, work: () => tagRole(session, settings) });
  try {
    await log.runPlan(plan);
  } catch (error) {
    for (const arn of spec.managedPolicyArns) log.skipped('iam:AttachRolePolicy', arn, 'Not attempted: an earlier step failed.');
    throw error;
  }
  const attached = await log.run('iam:ListAttachedRolePolicies', spec.arn, () => listAttachedPolicies(session, spec.roleName, spec.arn));
  const missing = spec.managedPolicyArns.filter((arn) => !attached.includes(arn));
  const extra = attached.filter((arn) => !spec.managedPolicyArns.includes(arn));
  for (const arn of spec.managedPolicyArns.filter((a) => attached.includes(a))) log.unchanged('iam:AttachRolePolicy', arn, 'Already attached.');
  await log.runPlan([...attachSteps(session, spec, missing), ...(prune ? extra.map((arn) => ({ action: 'iam:DetachRolePolicy', target: arn, work: () => detachPolicy(session, spec.roleName, arn) })) : [])]);
  return { result: 'updated', extra: !prune && extra.length > 0 ? { managedPolicyArns: extra } : {} };
}
