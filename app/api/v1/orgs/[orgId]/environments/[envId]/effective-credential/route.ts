import { ZEnvironmentParams } from '@/lib/schemas/projects';
import { getEffectiveCredential } from '@/lib/server/effective-credentials/get-effective-credential';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string; envId: string }>(async (request, { params }) => {
  const { orgId, envId } = await readParams(params, ZEnvironmentParams, 'environment');
  return json(await getEffectiveCredential(await requireOrgPermission(request, orgId, 'credential.read'), envId));
});
