import { ZMintIdTokenBody } from '@/lib/schemas/inspector';
import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { mintEnvironmentIdToken } from '@/lib/server/oidc/mint-environment-id-token';

/** A signed ID token for this environment, minted by an admin from the dashboard: at most 5 minutes, audited (`id_token.mint`), shown once. */
export const POST = apiRoute<{ orgId: string; envId: string }>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'id_token.mint');
  const body = await readJson(request, ZMintIdTokenBody, 4 * 1024);
  const minted = await mintEnvironmentIdToken(access, envId, { ...body, purpose: 'inspector' });
  return json({ token: minted.token, expiresAt: minted.expiresAt.toISOString(), kid: minted.kid, jti: minted.claims.jti });
});
