import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { policyContext } from '@/lib/server/trust-policies/policy-context';

/** Issuer, settings and every environment's subject: what the builder needs to preview reach client-side. */
export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json(await policyContext(await requireOrgPermission(request, orgId, 'trust_policy.read')));
});
