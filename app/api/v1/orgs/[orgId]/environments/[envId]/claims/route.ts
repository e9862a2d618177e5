import { z } from 'zod';
import { ZAudience } from '@/lib/schemas/issuer';
import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { previewEnvironmentClaims } from '@/lib/server/oidc/environment-claims';

/** Unsigned preview of the claims this environment's ID tokens carry (any member). */
export const GET = apiRoute<{ orgId: string; envId: string }>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  const access = await requireOrgPermission(request, orgId, 'environment.read');
  const { audience } = readQuery(request.nextUrl, z.object({ audience: ZAudience.optional() }));
  return json({ claims: await previewEnvironmentClaims(access, envId, audience), signed: false });
});
