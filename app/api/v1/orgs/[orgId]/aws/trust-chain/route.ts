import { ZOrgParams } from '@/lib/schemas/organizations';
import { getTrustChain } from '@/lib/server/aws-trust-chain/get-trust-chain';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

/** Issuer → provider per account → roles → admitted environments, each link with its verification state. */
export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  return json(await getTrustChain(await requireOrgPermission(request, orgId, 'aws.read')));
});
