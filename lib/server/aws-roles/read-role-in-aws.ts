import 'server-only';
import type { RoleInAws as RoleForDrift } from '@/lib/domain/aws/drift';
import { getRole, listAttachedPolicies } from '../aws/iam-roles';
import type { AwsSession } from '../aws/aws-session';
import type { AwsRoleRow } from './aws-role-dto';

/** GetRole + ListAttachedRolePolicies, or null when the role is gone from AWS. */
export async function readRoleInAws(session: AwsSession, row: Pick<AwsRoleRow, 'name' | 'arn'>): Promise<RoleForDrift | null> {
  const role = await getRole(session, row.name, row.arn);
  if (!role) return null;
  const managedPolicyArns = await listAttachedPolicies(session, row.name, row.arn);
  return { arn: role.arn, path: role.path, description: role.description, maxSessionDuration: role.maxSessionDuration, trustPolicy: role.trustPolicy, managedPolicyArns };
}
