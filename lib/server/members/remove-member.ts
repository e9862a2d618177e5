import 'server-only';
import { canAssignRole, can, type Role } from '@/lib/domain/access/permissions';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, forbidden, notFound } from '../errors';
import { lockMemberships, ownerCount } from './lock-membership';

// Admins remove members and admins, owners remove anyone; everyone may leave on their own.
// The last owner can do neither.
export async function removeMember(access: OrgAccess, userId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockMemberships(tx, access.orgId);
    const target = await tx.membership.findUnique({ where: { orgId_userId: { orgId: access.orgId, userId } }, include: { user: { select: { email: true } } } });
    if (!target) throw notFound('member');
    const self = userId === access.userId;
    if (!self && (!can(access.role, 'member.manage') || !canAssignRole(access.role, target.role as Role))) throw forbidden('Only owners can remove an owner.');
    await tx.membership.delete({ where: { orgId_userId: { orgId: access.orgId, userId } } });
    if ((await ownerCount(tx, access.orgId)) === 0) throw new AppError(409, 'last_owner', 'An organization needs at least one owner. Make someone else an owner first.');
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: self ? 'member.leave' : 'member.remove',
      target: { type: 'user', id: userId, label: target.user.email },
      before: { email: target.user.email, role: target.role },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
}
