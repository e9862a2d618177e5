import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';

export async function revokeInvitation(access: OrgAccess, invitationId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId: access.orgId } });
    if (!invitation) throw notFound('invitation');
    if (invitation.acceptedAt || invitation.revokedAt) return;
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'member.invite_revoke',
      target: { type: 'invitation', id: invitation.id, label: invitation.email },
      before: { email: invitation.email, role: invitation.role },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
}
