import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { ZCreateEnvironmentToken } from '@/lib/schemas/tokens';
import { createEnvironmentToken } from '@/lib/server/environment-tokens/create-environment-token';
import { listEnvironmentTokens } from '@/lib/server/environment-tokens/list-environment-tokens';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; envId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'token.read');
  return json({ items: await listEnvironmentTokens(access, envId), nextCursor: null });
});

export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'token.manage');
  return json(await createEnvironmentToken(access, envId, await readJson(request, ZCreateEnvironmentToken)), 201);
});
