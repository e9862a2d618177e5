import { ZEffectiveListQuery } from '@/lib/schemas/credentials';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { listEffectiveCredentials } from '@/lib/server/effective-credentials/list-effective-credentials';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'credential.read');
  return json(await listEffectiveCredentials(access, readQuery(request.nextUrl, ZEffectiveListQuery)));
});
