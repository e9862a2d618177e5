import { ZEnvironmentParams, ZUpdateEnvironment } from '@/lib/schemas/projects';
import { deleteEnvironment } from '@/lib/server/environments/delete-environment';
import { getEnvironment } from '@/lib/server/environments/list-environments';
import { updateEnvironment } from '@/lib/server/environments/update-environment';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';

type Params = { orgId: string; envId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  return json(await getEnvironment(await requireOrgPermission(request, orgId, 'environment.read'), envId));
});

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'environment.manage');
  return json(await updateEnvironment(access, envId, await readJson(request, ZUpdateEnvironment)));
});

export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  await deleteEnvironment(await requireOrgPermission(request, orgId, 'environment.manage'), envId);
  return noContent();
});
