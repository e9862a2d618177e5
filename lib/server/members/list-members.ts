import 'server-only';
import type { TInvitation, TMember } from '@/lib/schemas/members';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { toPage, type Page, type PageQuery } from '../db/paginate';
import { toInvitationDto, toMemberDto } from './member-dto';

export async function listMembers(access: OrgAccess, query: PageQuery): Promise<Page<TMember>> {
  const rows = await getDb().membership.findMany({
    where: { orgId: access.orgId, ...(query.cursor ? { userId: { gt: query.cursor } } : {}) },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { userId: 'asc' },
    take: query.limit + 1,
  });
  return toPage(rows.map((r) => ({ ...r, id: r.userId })), query, toMemberDto);
}

/** Pending invitations first; accepted/revoked/expired ones stay visible for a while as history. */
export async function listInvitations(access: OrgAccess): Promise<TInvitation[]> {
  const rows = await getDb().invitation.findMany({ where: { orgId: access.orgId }, orderBy: { id: 'desc' }, take: 200 });
  return rows.map(toInvitationDto);
}
