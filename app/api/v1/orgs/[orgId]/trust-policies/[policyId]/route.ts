import { z } from 'zod';
import { ZId } from '@/lib/schemas/common';
import { ZUpdateTrustPolicy } from '@/lib/schemas/trust-policy';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';
import { getTrustPolicy } from '@/lib/server/trust-policies/list-trust-policies';
import { deleteTrustPolicy, updateTrustPolicy } from '@/lib/server/trust-policies/save-trust-policy';

const ZParams = z.object({ orgId: ZId, policyId: ZId });
type Params = { orgId: string; policyId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, policyId } = await readParams(params, ZParams, 'trust policy');
  return json(await getTrustPolicy(await requireOrgPermission(request, orgId, 'trust_policy.read'), policyId));
});

export const PUT = apiRoute<Params>(async (request, { params }) => {
  const { orgId, policyId } = await readParams(params, ZParams, 'trust policy');
  const access = await requireOrgPermission(request, orgId, 'trust_policy.manage');
  return json(await updateTrustPolicy(access, policyId, await readJson(request, ZUpdateTrustPolicy, 128 * 1024)));
});

export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, policyId } = await readParams(params, ZParams, 'trust policy');
  await deleteTrustPolicy(await requireOrgPermission(request, orgId, 'trust_policy.manage'), policyId);
  return noContent();
});
