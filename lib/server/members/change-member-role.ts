import 'server-only';
import { canAssignRole, type Role } from '@/lib/domain/access/permissions';
import type { TMember } from '@/lib/schemas/members';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, forbidden, notFound, versionConflict } from '../errors';
import { lockMemberships, ownerCount } from './lock-membership';
import { toMemberDto } from './member-dto';

// Rules: only owners grant or take away the owner role; an organization always keeps an owner.
export async function changeMemberRole(access: OrgAccess, userId: string, input: { role: Role; version: number }): Promise<TMember> {
  return getDb().$transaction(async (tx) => {
    await lockMemberships(tx, access.orgId);
    const before = await tx.membership.findUnique({ where: { orgId_userId: { orgId: access.orgId, userId } }, include: { user: { select: { email: true, name: true } } } });
    if (!before) throw notFound('member');
    if (before.version !== input.version) throw versionConflict('membership', before.version);
    if (!canAssignRole(access.role, before.role as Role) || !canAssignRole(access.role, input.role)) throw forbidden('Only owners can change who is an owner.');
    const updated = await tx.membership.update({
      where: { orgId_userId: { orgId: access.orgId, userId } },
      data: { role: input.role, version: { increment: 1 } },
      include: { user: { select: { email: true, name: true } } },
    });
    if ((await ownerCount(tx, access.orgId)) === 0) throw new AppError(409, 'last_owner', 'An organization needs at least one owner. Make someone else an owner first.');
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'member.role_change',
      target: { type: 'user', id: userId, label: before.user.email },
      before: { role: before.role },
      after: { role: updated.role },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return toMemberDto(updated);
  });
}
