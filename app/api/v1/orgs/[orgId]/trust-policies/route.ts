import { ZOrgParams } from '@/lib/schemas/organizations';
import { ZSaveTrustPolicy } from '@/lib/schemas/trust-policy';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { listTrustPolicies } from '@/lib/server/trust-policies/list-trust-policies';
import { createTrustPolicy } from '@/lib/server/trust-policies/save-trust-policy';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json({ items: await listTrustPolicies(await requireOrgPermission(request, orgId, 'trust_policy.read')), nextCursor: null });
});

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'trust_policy.manage');
  return json(await createTrustPolicy(access, await readJson(request, ZSaveTrustPolicy, 128 * 1024)), 201);
});
