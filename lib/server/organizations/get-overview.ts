import 'server-only';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';

export interface OrganizationOverview {
  projects: number;
  environments: number;
  activeTokens: number;
  members: number;
  firstEnvironmentId: string | null;
}

export async function getOverview(access: OrgAccess, now = new Date()): Promise<OrganizationOverview> {
  const db = getDb();
  const [projects, environments, activeTokens, members, first] = await Promise.all([
    db.project.count({ where: { orgId: access.orgId } }),
    db.environment.count({ where: { orgId: access.orgId } }),
    db.environmentToken.count({ where: { orgId: access.orgId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.membership.count({ where: { orgId: access.orgId } }),
    db.environment.findFirst({ where: { orgId: access.orgId }, orderBy: { id: 'asc' }, select: { id: true } }),
  ]);
  return { projects, environments, activeTokens, members, firstEnvironmentId: first?.id ?? null };
}
