import { ZPageQuery } from '@/lib/schemas/common';
import { ZAddMember } from '@/lib/schemas/members';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { addMember } from '@/lib/server/members/add-member';
import { listMembers } from '@/lib/server/members/list-members';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'member.read');
  return json(await listMembers(access, readQuery(request.nextUrl, ZPageQuery)));
});

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'member.manage');
  return json(await addMember(access, await readJson(request, ZAddMember)), 201);
});
