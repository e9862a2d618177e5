import { ZEvaluateTokenBody } from '@/lib/schemas/inspector';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { evaluateTokenForTarget } from '@/lib/server/inspector/evaluate-token-for-target';

/** Would this role (trust policy, credential's role, pasted policy) accept this token or environment? Decision, trace, failing condition, smallest fix. Stores nothing. */
export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'token.inspect');
  return json(await evaluateTokenForTarget(access, await readJson(request, ZEvaluateTokenBody, 128 * 1024)));
});
