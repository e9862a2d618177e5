import { ZVerifyAwsRecord, ZRoleParams } from '@/lib/schemas/aws';
import { verifyAwsRole } from '@/lib/server/aws-roles/verify-aws-role';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readOptionalJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; roleId: string };

/** Read the role back from AWS and compare: {inSync, differences, verifiedAt, status, record}. */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await verifyAwsRole(access, roleId, await readOptionalJson(request, ZVerifyAwsRecord)));
});
