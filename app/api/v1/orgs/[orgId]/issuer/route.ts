import { ZUpdateIssuerSettings } from '@/lib/schemas/issuer';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { getIssuerSettings } from '@/lib/server/oidc/get-issuer-settings';
import { updateIssuerSettings } from '@/lib/server/oidc/update-issuer-settings';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json(await getIssuerSettings(await requireOrgPermission(request, orgId, 'issuer.read')));
});

export const PATCH = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'issuer.manage');
  return json(await updateIssuerSettings(access, await readJson(request, ZUpdateIssuerSettings)));
});
