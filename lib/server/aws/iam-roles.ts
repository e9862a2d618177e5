import 'server-only';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { decodePolicyDocument } from '@/lib/domain/aws/policy-compare';
import type { RoleSpec } from '@/lib/domain/aws/resource-spec';
import { isAppErrorFromAws } from './aws-error-kind';
import type { AwsSession } from './aws-session';

// The IAM role calls Trustbridge makes. A role that does not exist is `null` / 'absent'.

type RoleFields = Pick<RoleSpec, 'arn' | 'roleName' | 'path' | 'description' | 'maxSessionDuration' | 'trustPolicy'>;

/** A role as IAM has it; the trust policy as JSON text (IAM returns it URL-encoded; decoded here). */
export interface RoleInAws extends RoleFields {
  tags: Array<{ key: string; value: string }>;
}

/** What CreateRole / UpdateRole / TagRole send. */
export interface RoleSettings extends RoleFields {
  tags: ReadonlyArray<{ Key: string; Value: string }>;
}

export async function getRole(session: AwsSession, roleName: string, arn: string): Promise<RoleInAws | null> {
  try {
    const { Role: role } = await session.run('iam:GetRole', arn, () => session.iam.send(new GetRoleCommand({ RoleName: roleName })));
    if (!role) return null;
    const decoded = decodePolicyDocument(role.AssumeRolePolicyDocument ?? '');
    return {
      arn: role.Arn ?? arn,
      roleName: role.RoleName ?? roleName,
      path: role.Path ?? '/',
      description: role.Description ?? '',
      maxSessionDuration: role.MaxSessionDuration ?? 3600,
      trustPolicy: decoded === null ? (role.AssumeRolePolicyDocument ?? '') : JSON.stringify(decoded),
      tags: (role.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    };
  } catch (error) {
    if (isAppErrorFromAws(error, 'NoSuchEntity')) return null;
    throw error;
  }
}

export async function createRole(session: AwsSession, role: RoleSettings): Promise<void> {
  await session.run('iam:CreateRole', role.arn, () =>
    session.iam.send(
      new CreateRoleCommand({
        RoleName: role.roleName,
        Path: role.path,
        AssumeRolePolicyDocument: role.trustPolicy,
        MaxSessionDuration: role.maxSessionDuration,
        ...(role.description !== '' ? { Description: role.description } : {}),
        Tags: role.tags.map((t) => ({ ...t })),
      }),
    ),
  );
}

export async function updateTrustPolicy(session: AwsSession, role: Pick<RoleSettings, 'roleName' | 'arn' | 'trustPolicy'>): Promise<void> {
  await session.run('iam:UpdateAssumeRolePolicy', role.arn, () => session.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role.roleName, PolicyDocument: role.trustPolicy })));
}

export async function updateRoleSettings(session: AwsSession, role: Pick<RoleSettings, 'roleName' | 'arn' | 'description' | 'maxSessionDuration'>): Promise<void> {
  await session.run('iam:UpdateRole', role.arn, () => session.iam.send(new UpdateRoleCommand({ RoleName: role.roleName, Description: role.description, MaxSessionDuration: role.maxSessionDuration })));
}

export async function tagRole(session: AwsSession, role: Pick<RoleSettings, 'roleName' | 'arn' | 'tags'>): Promise<void> {
  await session.run('iam:TagRole', role.arn, () => session.iam.send(new TagRoleCommand({ RoleName: role.roleName, Tags: role.tags.map((t) => ({ ...t })) })));
}

/** Every attached managed policy ARN (all pages). */
export async function listAttachedPolicies(session: AwsSession, roleName: string, arn: string): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  do {
    const page = await session.run('iam:ListAttachedRolePolicies', arn, () => session.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) })));
    for (const p of page.AttachedPolicies ?? []) if (p.PolicyArn) out.push(p.PolicyArn);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

export async function attachPolicy(session: AwsSession, roleName: string, policyArn: string): Promise<void> {
  await session.run('iam:AttachRolePolicy', policyArn, () => session.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn })));
}

export async function detachPolicy(session: AwsSession, roleName: string, policyArn: string): Promise<void> {
  await session.run('iam:DetachRolePolicy', policyArn, () => session.iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn })));
}

export async function listInlinePolicies(session: AwsSession, roleName: string, arn: string): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  do {
    const page = await session.run('iam:ListRolePolicies', arn, () => session.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) })));
    out.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

export async function deleteInlinePolicy(session: AwsSession, roleName: string, arn: string, policyName: string): Promise<void> {
  await session.run('iam:DeleteRolePolicy', `${arn} (inline policy ${policyName})`, () => session.iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })));
}

export async function deleteRole(session: AwsSession, roleName: string, arn: string): Promise<'deleted' | 'absent'> {
  try {
    await session.run('iam:DeleteRole', arn, () => session.iam.send(new DeleteRoleCommand({ RoleName: roleName })));
    return 'deleted';
  } catch (error) {
    if (isAppErrorFromAws(error, 'NoSuchEntity')) return 'absent';
    throw error;
  }
}
