import 'server-only';
import type { Permission } from '@/lib/domain/access/permissions';
import { requireUser } from '../auth/current-user';
import { requireOrgAccess, type OrgAccess } from '../auth/org-access';
import { requestMeta } from '../auth/request-meta';

/** The guard for /api/v1/orgs/{orgId}/…: signed-in user, member of the org, permitted action. */
export async function requireOrgPermission(request: Request, orgId: string, permission: Permission): Promise<OrgAccess> {
  const user = await requireUser(request);
  return requireOrgAccess(user, orgId, permission, requestMeta(request));
}
