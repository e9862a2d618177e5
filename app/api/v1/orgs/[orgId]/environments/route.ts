import { ZPageQuery } from '@/lib/schemas/common';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { ZCreateEnvironment, ZEnvironmentListQuery } from '@/lib/schemas/projects';
import { createEnvironment } from '@/lib/server/environments/create-environment';
import { listEnvironments } from '@/lib/server/environments/list-environments';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'environment.read');
  return json(await listEnvironments(access, readQuery(request.nextUrl, ZPageQuery.extend(ZEnvironmentListQuery.shape))));
});

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'environment.manage');
  return json(await createEnvironment(access, await readJson(request, ZCreateEnvironment)), 201);
});
