import 'server-only';
import type { TDeploymentCredential } from '@/lib/schemas/credentials';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { afterCursor, toPage, type Page, type PageQuery } from '../db/paginate';
import { notFound } from '../errors';
import { credentialSelect, toCredentialDto } from './credential-dto';
import { findRecordedRole, findRecordedRoles } from '../aws-roles/recorded-role';

export async function listCredentials(access: OrgAccess, query: PageQuery & { projectId?: string | undefined; scope?: 'organization' | 'project' | undefined }): Promise<Page<TDeploymentCredential>> {
  const db = getDb();
  const scope = query.scope === 'organization' ? { projectId: null } : query.scope === 'project' ? { projectId: { not: null } } : {};
  const rows = await db.deploymentCredential.findMany({
    where: { orgId: access.orgId, ...scope, ...(query.projectId ? { projectId: query.projectId } : {}), ...afterCursor(query, 'asc') },
    select: credentialSelect,
    orderBy: { id: 'asc' },
    take: query.limit + 1,
  });
  const roles = await findRecordedRoles(db, access.orgId, rows.map((r) => r.roleArn));
  return toPage(rows, query, (row) => toCredentialDto(row, roles.get(row.roleArn)));
}

export async function getCredential(access: OrgAccess, credentialId: string): Promise<TDeploymentCredential> {
  const db = getDb();
  const row = await db.deploymentCredential.findFirst({ where: { id: credentialId, orgId: access.orgId }, select: credentialSelect });
  if (!row) throw notFound('credential');
  return toCredentialDto(row, await findRecordedRole(db, access.orgId, row.roleArn));
}
