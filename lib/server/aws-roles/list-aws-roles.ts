import 'server-only';
import type { TAwsRole } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { analyseRole } from './analyse-role-policy';
import { toAwsRoleDto, type AwsRoleRow } from './aws-role-dto';
import { roleStore } from './role-store';

export async function findAwsRole(orgId: string, roleId: string): Promise<AwsRoleRow> {
  const row = await roleStore.find(getDb(), orgId, roleId);
  if (!row) throw notFound(roleStore.what);
  return row;
}

export async function listAwsRoles(access: OrgAccess, filter: { accountId?: string | undefined } = {}): Promise<TAwsRole[]> {
  const rows = await getDb().awsRole.findMany({ where: { orgId: access.orgId, ...(filter.accountId ? { accountId: filter.accountId } : {}) }, orderBy: { id: 'asc' }, take: 500 });
  return rows.map((row) => toAwsRoleDto(row));
}

/** One role with its trust policy's lint findings and reach. */
export async function getAwsRole(access: OrgAccess, roleId: string): Promise<TAwsRole> {
  const row = await findAwsRole(access.orgId, roleId);
  return toAwsRoleDto(row, await analyseRole(access, row.trustPolicy, row.accountId));
}
