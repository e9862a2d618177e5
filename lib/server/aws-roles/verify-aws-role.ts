import 'server-only';
import { compareRole } from '@/lib/domain/aws/drift';
import type { TAwsCredentials, TAwsRole } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { verifyRecord, type VerifyResult } from '../aws-records/verify-record';
import { roleSpec, toAwsRoleDto } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { readRoleInAws } from './read-role-in-aws';
import { roleStore } from './role-store';

/** POST …/aws/roles/{id}/verify: GetRole (policy URL-encoded) + ListAttachedRolePolicies, compared semantically with the record. */
export async function verifyAwsRole(access: OrgAccess, roleId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<VerifyResult<TAwsRole>> {
  const row = await findAwsRole(access.orgId, roleId);
  return verifyRecord(access, roleStore, row, 'role.verify', input.awsCredentials, async (session) => compareRole(roleSpec(row), await readRoleInAws(session, row)), (saved) => toAwsRoleDto(saved));
}
