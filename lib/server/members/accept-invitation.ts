import 'server-only';
import type { TInvitationPreview } from '@/lib/schemas/members';
import type { Role } from '@/lib/domain/access/permissions';
import { recordAudit } from '../audit/record-audit';
import type { RequestMeta } from '../auth/request-meta';
import { createSession } from '../auth/sessions';
import { getDb, type Tx } from '../db/client';
import { AppError } from '../errors';
import { newId } from '../security/ids';
import { hashPassword } from '../security/password';
import { sha256Hex } from '../security/secrets';

const invalid = () => new AppError(404, 'invalid_invitation', 'This invitation link is invalid, was already used, or has expired. Ask an admin for a new one.');

async function findUsable(tx: Tx | ReturnType<typeof getDb>, token: string, now: Date) {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { org: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) throw invalid();
  return invitation;
}

export async function previewInvitation(token: string, now = new Date()): Promise<TInvitationPreview> {
  const invitation = await findUsable(getDb(), token, now);
  return { organizationName: invitation.org.name, email: invitation.email, role: invitation.role as Role, expiresAt: invitation.expiresAt.toISOString() };
}

/** Creates the invited account, its membership and a session, and uses up the link — atomically. */
export async function acceptInvitation(input: { token: string; name: string; password: string }, meta: RequestMeta, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const invitation = await findUsable(tx, input.token, now);
    const used = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (used.count !== 1) throw invalid();
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError(409, 'account_exists', 'An account with this email already exists. Sign in, and ask an admin to add that account to the organization.');
    }
    const user = await tx.user.create({ data: { id: newId(), email: invitation.email, name: input.name, passwordHash } });
    await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actor: { type: 'user', id: user.id, label: user.email },
      action: 'member.invite_accept',
      target: { type: 'user', id: user.id, label: user.email },
      after: { email: user.email, role: invitation.role },
      requestId: meta.requestId,
      ipAddress: meta.ipAddress,
    });
    const session = await createSession(tx, user.id, meta, now);
    return { session, orgId: invitation.orgId };
  });
}
