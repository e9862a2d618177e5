import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { listEvaluationTargets } from '@/lib/server/inspector/evaluation-targets';

/** Recorded roles, saved trust policies and deployment credentials a token can be evaluated against (any member). */
export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json(await listEvaluationTargets(await requireOrgPermission(request, orgId, 'token.inspect')));
});
