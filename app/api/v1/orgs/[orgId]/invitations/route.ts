import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { listInvitations } from '@/lib/server/members/list-members';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'member.manage');
  return json({ items: await listInvitations(access), nextCursor: null });
});
