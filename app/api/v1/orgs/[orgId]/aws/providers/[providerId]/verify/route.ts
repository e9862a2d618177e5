import { ZVerifyAwsRecord, ZProviderParams } from '@/lib/schemas/aws';
import { verifyAwsProvider } from '@/lib/server/aws-providers/verify-aws-provider';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readOptionalJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; providerId: string };

/** Read the provider back from AWS and compare: {inSync, differences, verifiedAt, status, record}. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await verifyAwsProvider(access, providerId, await readOptionalJson(request, ZVerifyAwsRecord)));
});
