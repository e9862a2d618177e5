import { ZExportQuery, ZProviderParams } from '@/lib/schemas/aws';
import { exportAwsProvider } from '@/lib/server/aws-providers/export-aws-provider';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';
import { textDocument } from '@/lib/server/http/respond';

/** ?format=cli|cloudformation|terraform|console[&download=1]: the provider as text to paste. */
export const GET = apiRoute<{ orgId: string; providerId: string }>(async (request, { params }) => {
  const { orgId, providerId } = await readParams(params, ZProviderParams, 'AWS provider');
  const access = await requireOrgPermission(request, orgId, 'aws.read');
  const query = readQuery(request.nextUrl, ZExportQuery);
  return textDocument(await exportAwsProvider(access, providerId, query.format), query.download === '1');
});
