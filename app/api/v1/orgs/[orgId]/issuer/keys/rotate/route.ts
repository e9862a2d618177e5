import { ZRotateKey } from '@/lib/schemas/issuer';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { rotateSigningKey } from '@/lib/server/oidc/rotate-signing-key';

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'issuer.manage');
  return json(await rotateSigningKey(access, await readJson(request, ZRotateKey)), 201);
});
