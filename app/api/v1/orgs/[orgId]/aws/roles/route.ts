import { AWS_ROLE_BODY_LIMIT, ZCreateAwsRole, ZListAwsQuery } from '@/lib/schemas/aws';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { createAwsRole } from '@/lib/server/aws-roles/create-aws-role';
import { listAwsRoles } from '@/lib/server/aws-roles/list-aws-roles';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'aws.read');
  return json({ items: await listAwsRoles(access, readQuery(request.nextUrl, ZListAwsQuery)), nextCursor: null });
});

/** Record the role (trust policy as IAM JSON, builder preset/rows or a saved policy); with apply: true create or update it in AWS. */
export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await createAwsRole(access, await readJson(request, ZCreateAwsRole, AWS_ROLE_BODY_LIMIT)), 201);
});
