import { AWS_ROLE_BODY_LIMIT, ZRoleParams, ZUpdateAwsRole } from '@/lib/schemas/aws';
import { deleteAwsRole } from '@/lib/server/aws-roles/delete-aws-role';
import { getAwsRole } from '@/lib/server/aws-roles/list-aws-roles';
import { updateAwsRole } from '@/lib/server/aws-roles/update-aws-role';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';

type Params = { orgId: string; roleId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  return json(await getAwsRole(await requireOrgPermission(request, orgId, 'aws.read'), roleId));
});

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await updateAwsRole(access, roleId, await readJson(request, ZUpdateAwsRole, AWS_ROLE_BODY_LIMIT)));
});

/** Removes the record only; the role in AWS stays (POST …/delete-in-aws deletes it there). */
export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  await deleteAwsRole(await requireOrgPermission(request, orgId, 'aws.manage'), roleId);
  return noContent();
});
