// Keyset pagination over time-ordered ids: `cursor` is the id of the last item of the previous
// page. Stable under inserts and deletes, no OFFSET scans.

export interface PageQuery {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function afterCursor(query: PageQuery, direction: 'asc' | 'desc') {
  if (!query.cursor) return {};
  return { id: direction === 'asc' ? { gt: query.cursor } : { lt: query.cursor } };
}

export function toPage<Row extends { id: string }, T>(rows: Row[], query: PageQuery, map: (row: Row) => T): Page<T> {
  const hasMore = rows.length > query.limit;
  const kept = hasMore ? rows.slice(0, query.limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: hasMore && last ? last.id : null };
}
