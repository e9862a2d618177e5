import { z } from 'zod';
import { ZAuditQuery } from '@/lib/schemas/audit';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { csvCell } from '@/lib/server/audit/csv-cell';
import { iterateAuditEvents } from '@/lib/server/audit/list-audit-events';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams, readQuery } from '@/lib/server/http/read-input';

const ZExportQuery = ZAuditQuery.extend({ format: z.enum(['ndjson', 'csv']).default('ndjson') });

/** Streams every matching event (newest first) as NDJSON or CSV. */
export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'audit.read');
  const { format, ...query } = readQuery(request.nextUrl, ZExportQuery);
  const encoder = new TextEncoder();
  const header = ['id', 'createdAt', 'action', 'actorType', 'actor', 'targetType', 'targetId', 'target', 'before', 'after', 'requestId', 'ipAddress'];
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(`${header.join(',')}\n`));
      for await (const e of iterateAuditEvents(access, query)) {
        const line =
          format === 'csv'
            ? [e.id, e.createdAt, e.action, e.actor.type, e.actor.label, e.target.type, e.target.id, e.target.label, e.before, e.after, e.requestId, e.ipAddress].map(csvCell).join(',')
            : JSON.stringify(e);
        controller.enqueue(encoder.encode(`${line}\n`));
      }
      controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="trustbridge-audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
      'Cache-Control': 'no-store',
    },
  });
});
