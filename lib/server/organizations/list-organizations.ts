import 'server-only';
import type { Role } from '@/lib/domain/access/permissions';
import type { TOrganization } from '@/lib/schemas/organizations';
import { getDb } from '../db/client';
import { toPage, type Page, type PageQuery } from '../db/paginate';
import { toOrganizationDto } from './organization-dto';

/** The organizations the user belongs to, oldest first. */
export async function listOrganizations(userId: string, query: PageQuery): Promise<Page<TOrganization>> {
  const rows = await getDb().membership.findMany({
    where: { userId, ...(query.cursor ? { orgId: { gt: query.cursor } } : {}) },
    include: { org: true },
    orderBy: { orgId: 'asc' },
    take: query.limit + 1,
  });
  return toPage(
    rows.map((m) => ({ id: m.orgId, org: m.org, role: m.role as Role })),
    query,
    (row) => toOrganizationDto(row.org, row.role),
  );
}
