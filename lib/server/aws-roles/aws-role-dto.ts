import 'server-only';
import type { RoleSpec } from '@/lib/domain/aws/resource-spec';
import type { TAwsRole } from '@/lib/schemas/aws';
import { readStringList, recordStateDto, type RecordStateRow } from '../aws-records/record-state';
import { builderChoice } from '../trust-policies/trust-policy-dto';
import type { RoleAnalysis } from './analyse-role-policy';

export interface AwsRoleRow extends RecordStateRow {
  orgId: string;
  name: string;
  nameKey: string;
  path: string;
  description: string;
  maxSessionDuration: number;
  trustPolicy: string;
  builder: string | null;
  trustPolicyId: string | null;
  managedPolicyArns: string;
}

function policyObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toAwsRoleDto(row: AwsRoleRow, analysis?: RoleAnalysis): TAwsRole {
  return {
    ...recordStateDto(row),
    roleName: row.name,
    path: row.path,
    description: row.description,
    maxSessionDuration: row.maxSessionDuration,
    trustPolicy: policyObject(row.trustPolicy),
    builder: builderChoice(row.builder),
    trustPolicyId: row.trustPolicyId,
    managedPolicyArns: readStringList(row.managedPolicyArns),
    ...(analysis ? { findings: analysis.findings, reach: analysis.reach } : {}),
  };
}

/** What the audit log keeps of a role (no AWS answers, never credentials). */
export function awsRoleSnapshot(row: AwsRoleRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    roleName: row.name,
    path: row.path,
    arn: row.arn,
    description: row.description,
    maxSessionDuration: row.maxSessionDuration,
    trustPolicy: policyObject(row.trustPolicy),
    trustPolicyId: row.trustPolicyId,
    managedPolicyArns: readStringList(row.managedPolicyArns),
    status: row.status,
    version: row.version,
  };
}

export function roleSpec(row: AwsRoleRow): RoleSpec {
  return {
    orgId: row.orgId,
    accountId: row.accountId,
    arn: row.arn,
    roleName: row.name,
    path: row.path,
    description: row.description,
    maxSessionDuration: row.maxSessionDuration,
    trustPolicy: row.trustPolicy,
    managedPolicyArns: readStringList(row.managedPolicyArns),
  };
}

export const roleTarget = (row: Pick<AwsRoleRow, 'id' | 'arn'>) => ({ type: 'aws_role', id: row.id, label: row.arn });
