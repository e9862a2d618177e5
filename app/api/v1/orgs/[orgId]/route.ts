import { ZOrgParams, ZUpdateOrganization } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { getOrganization } from '@/lib/server/organizations/get-organization';
import { renameOrganization } from '@/lib/server/organizations/rename-organization';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json(await getOrganization(await requireOrgPermission(request, orgId, 'organization.read')));
});

export const PATCH = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'organization.update');
  return json(await renameOrganization(access, await readJson(request, ZUpdateOrganization)));
});
