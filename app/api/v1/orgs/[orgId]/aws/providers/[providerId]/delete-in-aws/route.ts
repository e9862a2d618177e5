import { ZDeleteInAws, ZProviderParams } from '@/lib/schemas/aws';
import { deleteAwsProviderInAws } from '@/lib/server/aws-providers/delete-aws-provider-in-aws';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; providerId: string };

/** Delete the provider in AWS (needs {confirm: true}); the record stays. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await deleteAwsProviderInAws(access, providerId, await readJson(request, ZDeleteInAws)));
});
