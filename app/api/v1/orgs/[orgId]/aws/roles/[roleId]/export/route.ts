import { ZExportQuery, ZRoleParams } from '@/lib/schemas/aws';
import { exportAwsRole } from '@/lib/server/aws-roles/export-aws-role';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';
import { textDocument } from '@/lib/server/http/respond';

/** ?format=cli|cloudformation|terraform|console[&download=1]: the role as text to paste. */
export const GET = apiRoute<{ orgId: string; roleId: string }>(async (request, { params }) => {
  const { orgId, roleId } = await readParams(params, ZRoleParams, 'AWS role');
  const access = await requireOrgPermission(request, orgId, 'aws.read');
  const query = readQuery(request.nextUrl, ZExportQuery);
  return textDocument(await exportAwsRole(access, roleId, query.format), query.download === '1');
});
