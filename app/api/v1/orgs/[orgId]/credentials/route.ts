import { ZCreateCredential, ZCredentialListQuery } from '@/lib/schemas/credentials';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { createCredential } from '@/lib/server/credentials/create-credential';
import { listCredentials } from '@/lib/server/credentials/list-credentials';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'credential.read');
  return json(await listCredentials(access, readQuery(request.nextUrl, ZCredentialListQuery)));
});

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'credential.manage');
  return json(await createCredential(access, await readJson(request, ZCreateCredential)), 201);
});
