import { ZDeleteInAws, ZRoleParams } from '@/lib/schemas/aws';
import { deleteAwsRoleInAws } from '@/lib/server/aws-roles/delete-aws-role-in-aws';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; roleId: string };

/** Delete the role in AWS (detaching its policies first; needs {confirm: true}); the record stays. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await deleteAwsRoleInAws(access, roleId, await readJson(request, ZDeleteInAws)));
});
