import { ZApplyAwsRecord, ZRoleParams } from '@/lib/schemas/aws';
import { applyAwsRole } from '@/lib/server/aws-roles/apply-aws-role';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readOptionalJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

type Params = { orgId: string; roleId: string };

/** Create or update the role in AWS (prune: also detach managed policies only AWS has). */
export const POST = apiRoute<Params>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.manage');
  return json(await applyAwsRole(access, roleId, await readOptionalJson(request, ZApplyAwsRecord)));
});
