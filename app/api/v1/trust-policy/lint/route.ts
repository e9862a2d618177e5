import { ZLintBody } from '@/lib/schemas/trust-policy';
import { requireUserOrEnvironment } from '@/lib/server/auth/user-or-environment';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { lintTrustPolicy } from '@/lib/server/trust-policies/lint-trust-policy';

/** Findings with stable rule ids, severity, JSON path and (where well-defined) a corrected policy. Stores nothing. */
export const POST = apiRoute(async (request) => {
  await requireUserOrEnvironment(request);
  return json(lintTrustPolicy(await readJson(request, ZLintBody, 128 * 1024)));
});
