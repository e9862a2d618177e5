import 'server-only';
import type { Role } from '@/lib/domain/access/permissions';
import type { TInvitation, TMember } from '@/lib/schemas/members';

export function toMemberDto(m: { userId: string; role: string; createdAt: Date; version: number; user: { email: string; name: string } }): TMember {
  return { userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role, joinedAt: m.createdAt.toISOString(), version: m.version };
}

export function invitationStatus(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): TInvitation['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export function toInvitationDto(i: { id: string; email: string; role: string; createdAt: Date; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }): TInvitation {
  return { id: i.id, email: i.email, role: i.role as Role, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), status: invitationStatus(i) };
}
