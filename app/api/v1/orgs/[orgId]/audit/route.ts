import { ZAuditQuery } from '@/lib/schemas/audit';
import { ZPageQuery } from '@/lib/schemas/common';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'audit.read');
  return json(await listAuditEvents(access, readQuery(request.nextUrl, ZAuditQuery.extend(ZPageQuery.shape))));
});
