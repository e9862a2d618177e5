import { ZAdoptAwsRecord, ZRoleParams } from '@/lib/schemas/aws';
import { adoptAwsRole } from '@/lib/server/aws-roles/adopt-aws-role';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; roleId: string };

/** Take AWS's version of the role into the record. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await adoptAwsRole(access, roleId, await readJson(request, ZAdoptAwsRecord)));
});
