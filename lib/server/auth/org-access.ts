import 'server-only';
import { can, type Permission, type Role } from '@/lib/domain/access/permissions';
import { getDb } from '../db/client';
import { forbidden, notFound } from '../errors';
import type { Actor } from '../audit/record-audit';
import type { RequestMeta } from './request-meta';
import type { SessionUser } from './sessions';

// The guard for everything under /orgs/{orgId}: membership decides visibility (no membership →
// 404, indistinguishable from a missing organization), the permission table decides the action
// (member without the permission → 403). Use cases receive an OrgAccess and scope every query by
// `access.orgId`.

export interface OrgAccess {
  orgId: string;
  role: Role;
  userId: string;
  actor: Actor;
  meta: RequestMeta;
}

export async function requireOrgAccess(user: SessionUser, orgId: string, permission: Permission, meta: RequestMeta): Promise<OrgAccess> {
  const membership = await getDb().membership.findUnique({ where: { orgId_userId: { orgId, userId: user.user.id } }, select: { role: true } });
  if (!membership) throw notFound('organization');
  const role = membership.role as Role;
  if (!can(role, permission)) throw forbidden();
  return { orgId, role, userId: user.user.id, actor: { type: 'user', id: user.user.id, label: user.user.email }, meta };
}
