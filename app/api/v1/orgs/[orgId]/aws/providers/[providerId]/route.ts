import { ZProviderParams, ZUpdateAwsProvider } from '@/lib/schemas/aws';
import { deleteAwsProvider } from '@/lib/server/aws-providers/delete-aws-provider';
import { getAwsProvider } from '@/lib/server/aws-providers/list-aws-providers';
import { updateAwsProvider } from '@/lib/server/aws-providers/update-aws-provider';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';

type Params = { orgId: string; providerId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  return json(await getAwsProvider(await requireOrgPermission(request, orgId, 'aws.read'), providerId));
});

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await updateAwsProvider(access, providerId, await readJson(request, ZUpdateAwsProvider)));
});

/** Removes the record only; the provider in AWS stays (POST …/delete-in-aws deletes it there). */
export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  await deleteAwsProvider(await requireOrgPermission(request, orgId, 'aws.manage'), providerId);
  return noContent();
});
