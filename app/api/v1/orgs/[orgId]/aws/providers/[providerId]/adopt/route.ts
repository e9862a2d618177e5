import { ZAdoptAwsRecord, ZProviderParams } from '@/lib/schemas/aws';
import { adoptAwsProvider } from '@/lib/server/aws-providers/adopt-aws-provider';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; providerId: string };

/** Take AWS's version of the provider into the record. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await adoptAwsProvider(access, providerId, await readJson(request, ZAdoptAwsRecord)));
});
