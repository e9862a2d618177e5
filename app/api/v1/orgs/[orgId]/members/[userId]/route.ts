import { ZMemberParams, ZUpdateMember } from '@/lib/schemas/members';
import { requireUser } from '@/lib/server/auth/current-user';
import { requireOrgAccess } from '@/lib/server/auth/org-access';
import { requestMeta } from '@/lib/server/auth/request-meta';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';
import { changeMemberRole } from '@/lib/server/members/change-member-role';
import { removeMember } from '@/lib/server/members/remove-member';

type Params = { orgId: string; userId: string };

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, userId } = await readParams(params, ZMemberParams, 'member');
  const access = await requireOrgPermission(request, orgId, 'member.manage');
  return json(await changeMemberRole(access, userId, await readJson(request, ZUpdateMember)));
});

/** Admins remove others; any member may remove themselves (leave). */
export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, userId } = await readParams(params, ZMemberParams, 'member');
  const user = await requireUser(request);
  const access = await requireOrgAccess(user, orgId, user.user.id === userId ? 'organization.read' : 'member.manage', requestMeta(request));
  await removeMember(access, userId);
  return noContent();
});
