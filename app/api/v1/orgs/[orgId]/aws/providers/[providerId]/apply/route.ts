import { ZApplyAwsRecord, ZProviderParams } from '@/lib/schemas/aws';
import { applyAwsProvider } from '@/lib/server/aws-providers/apply-aws-provider';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readOptionalJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; providerId: string };

/** Create or update the provider in AWS (prune: also remove client IDs only AWS has). */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await applyAwsProvider(access, providerId, await readOptionalJson(request, ZApplyAwsRecord)));
});
