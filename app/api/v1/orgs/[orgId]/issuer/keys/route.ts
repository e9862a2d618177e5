import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { listSigningKeys } from '@/lib/server/oidc/list-signing-keys';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json({ items: await listSigningKeys(await requireOrgPermission(request, orgId, 'issuer.read')), nextCursor: null });
});
