import 'server-only';
import { canAssignRole } from '@/lib/domain/access/permissions';
import type { TAddMember, TAddMemberResult } from '@/lib/schemas/members';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { getConfig } from '../env';
import { alreadyExists, forbidden } from '../errors';
import { newId } from '../security/ids';
import { randomSecret, sha256Hex } from '../security/secrets';
import { lockMemberships } from './lock-membership';
import { toInvitationDto, toMemberDto } from './member-dto';

// Adding someone who already has an account makes them a member at once. Anyone else gets an
// invitation: a one-time link (`tbi_` + 256 random bits, stored as SHA-256, valid 7 days) carried
// in the URL fragment, which browsers never send to servers or put in Referer headers.

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export async function addMember(access: OrgAccess, input: TAddMember): Promise<TAddMemberResult> {
  if (!canAssignRole(access.role, input.role)) throw forbidden('Only owners can make someone an owner.');
  return getDb().$transaction(async (tx) => {
    await lockMemberships(tx, access.orgId);
    const audit = { orgId: access.orgId, actor: access.actor, requestId: access.meta.requestId, ipAddress: access.meta.ipAddress };
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true } });
    if (user) {
      const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: access.orgId, userId: user.id } } });
      if (existing) throw alreadyExists(`${input.email} is already a member of this organization.`, 'email');
      const membership = await tx.membership.create({ data: { orgId: access.orgId, userId: user.id, role: input.role }, include: { user: { select: { email: true, name: true } } } });
      await recordAudit(tx, { ...audit, action: 'member.add', target: { type: 'user', id: user.id, label: user.email }, after: { email: user.email, role: input.role } });
      return { status: 'added', member: toMemberDto(membership) };
    }
    const now = new Date();
    await tx.invitation.updateMany({ where: { orgId: access.orgId, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const token = `tbi_${randomSecret(32)}`;
    const invitation = await tx.invitation.create({
      data: {
        id: newId(),
        orgId: access.orgId,
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedById: access.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(tx, { ...audit, action: 'member.invite', target: { type: 'invitation', id: invitation.id, label: input.email }, after: { email: input.email, role: input.role, expiresAt: invitation.expiresAt } });
    return { status: 'invited', invitation: toInvitationDto(invitation), inviteUrl: `${getConfig().publicUrl}/invite#${token}` };
  });
}
