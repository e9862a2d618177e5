import { ZEvaluateBody } from '@/lib/schemas/trust-policy';
import { requireUserOrEnvironment } from '@/lib/server/auth/user-or-environment';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { evaluateTrustPolicy } from '@/lib/server/trust-policies/evaluate-trust-policy';

/** Decide like AWS (Allow / ImplicitDeny / ExplicitDeny) with a per-statement, per-condition trace. Stores nothing. */
export const POST = apiRoute(async (request) => {
  await requireUserOrEnvironment(request);
  return json(evaluateTrustPolicy(await readJson(request, ZEvaluateBody, 128 * 1024)));
});
