import 'server-only';
import type { TAuditEvent, TAuditQuery } from '@/lib/schemas/audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { afterCursor, toPage, type Page, type PageQuery } from '../db/paginate';

function parseSnapshot(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function toAuditDto(e: {
  id: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
  ipAddress: string | null;
  createdAt: Date;
}): TAuditEvent {
  return {
    id: e.id,
    action: e.action,
    actor: { type: e.actorType, id: e.actorId, label: e.actorLabel },
    target: { type: e.targetType, id: e.targetId, label: e.targetLabel },
    before: parseSnapshot(e.before),
    after: parseSnapshot(e.after),
    requestId: e.requestId,
    ipAddress: e.ipAddress,
    createdAt: e.createdAt.toISOString(),
  };
}

function filters(access: OrgAccess, query: TAuditQuery) {
  return {
    orgId: access.orgId,
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    // Actor labels are lowercase (normalised emails, slugs, "system"); `contains` ignores case on
    // SQLite but not on PostgreSQL, so the query is lowercased to behave the same on both.
    ...(query.actor ? { actorLabel: { contains: query.actor.toLowerCase() } } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.since || query.until
      ? { createdAt: { ...(query.since ? { gte: new Date(query.since) } : {}), ...(query.until ? { lte: new Date(query.until) } : {}) } }
      : {}),
  };
}

/** Newest first. */
export async function listAuditEvents(access: OrgAccess, query: TAuditQuery & PageQuery): Promise<Page<TAuditEvent>> {
  const rows = await getDb().auditEvent.findMany({
    where: { ...filters(access, query), ...afterCursor(query, 'desc') },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  return toPage(rows, query, toAuditDto);
}

/** Every matching event, newest first, in batches (for export). */
export async function* iterateAuditEvents(access: OrgAccess, query: TAuditQuery, batch = 500): AsyncGenerator<TAuditEvent> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listAuditEvents(access, { ...query, cursor, limit: batch });
    for (const item of page.items) yield item;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
