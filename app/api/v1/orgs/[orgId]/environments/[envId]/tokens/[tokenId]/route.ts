import { ZTokenParams } from '@/lib/schemas/tokens';
import { revokeEnvironmentToken } from '@/lib/server/environment-tokens/revoke-environment-token';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { noContent } from '@/lib/server/http/respond';

export const DELETE = apiRoute<{ orgId: string; envId: string; tokenId: string }>(async (request, { params }) => {
  const { orgId, envId, tokenId } = await readParams(params, ZTokenParams, 'token');
  await revokeEnvironmentToken(await requireOrgPermission(request, orgId, 'token.manage'), envId, tokenId);
  return noContent();
});
