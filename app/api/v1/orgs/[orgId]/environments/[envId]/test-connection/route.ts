import { ZTestConnection } from '@/lib/schemas/credentials';
import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { testConnection } from '@/lib/server/connection-test/test-connection';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

// 200 with {ok:false, steps} when AWS refuses: the test ran, and its answer is the explanation.
export const POST = apiRoute<{ orgId: string; envId: string }>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'credential.test');
  return json(await testConnection(access, envId, await readJson(request, ZTestConnection)));
});
