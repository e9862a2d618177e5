import { ZCreateAwsProvider, ZListAwsQuery } from '@/lib/schemas/aws';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { createAwsProvider } from '@/lib/server/aws-providers/create-aws-provider';
import { listAwsProviders } from '@/lib/server/aws-providers/list-aws-providers';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'aws.read');
  return json({ items: await listAwsProviders(access, readQuery(request.nextUrl, ZListAwsQuery)), nextCursor: null });
});

/** Record the IAM OIDC provider; with apply: true create (or adopt) it in AWS. */
export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await createAwsProvider(access, await readJson(request, ZCreateAwsProvider)), 201);
});
