import { ZKeyParams, ZRevokeKey } from '@/lib/schemas/issuer';
import { ZId } from '@/lib/schemas/common';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { revokeSigningKey } from '@/lib/server/oidc/revoke-signing-key';

/** Emergency revoke: the key leaves the JWKS at once; tokens it signed stop verifying. Needs {"confirm": true}. */
export const POST = apiRoute<{ orgId: string; kid: string }>(async (request, { params }) => {
  const { orgId, kid } = await readParams(params, ZKeyParams.extend({ orgId: ZId }), 'signing key');
  const access = await requireOrgPermission(request, orgId, 'issuer.manage');
  await readJson(request, ZRevokeKey);
  return json(await revokeSigningKey(access, kid));
});
