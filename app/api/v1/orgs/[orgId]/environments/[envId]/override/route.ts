import { ZPutOverride, ZVersionQuery } from '@/lib/schemas/credentials';
import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { deleteEnvironmentOverride } from '@/lib/server/environment-overrides/delete-environment-override';
import { getEnvironmentOverride } from '@/lib/server/environment-overrides/get-environment-override';
import { putEnvironmentOverride } from '@/lib/server/environment-overrides/put-environment-override';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';

type Params = { orgId: string; envId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  return json(await getEnvironmentOverride(await requireOrgPermission(request, orgId, 'credential.read'), envId));
});

export const PUT = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'credential.manage');
  const { created, override } = await putEnvironmentOverride(access, envId, await readJson(request, ZPutOverride));
  return json(override, created ? 201 : 200);
});

// The version travels in the query (?version=N): DELETE bodies are dropped by some clients.
export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'credential.manage');
  await deleteEnvironmentOverride(access, envId, readQuery(request.nextUrl, ZVersionQuery).version);
  return noContent();
});
