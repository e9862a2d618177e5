import { z } from 'zod';
import { PASSWORDS_MATCH, passwordsMatch } from './auth';
import { ZEmail, ZId, ZName, ZNewPassword, ZRole, ZVersion } from './common';

export const ZAddMember = z.object({ email: ZEmail, role: ZRole });
export type TAddMember = z.infer<typeof ZAddMember>;

export const ZUpdateMember = z.object({ role: ZRole, version: ZVersion });

export const ZMember = z.object({
  userId: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  joinedAt: z.string(),
  version: z.number(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type TInvitation = z.infer<typeof ZInvitation>;

/** POST /members answers either an added member or a pending invitation with its one-time link. */
export const ZAddMemberResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), member: ZMember }),
  z.object({ status: z.literal('invited'), invitation: ZInvitation, inviteUrl: z.string() }),
]);
export type TAddMemberResult = z.infer<typeof ZAddMemberResult>;

export const INVITATION_TOKEN_PATTERN = /^tbi_[A-Za-z0-9_-]{43}$/;
export const ZInvitationToken = z.string().regex(INVITATION_TOKEN_PATTERN, 'This invitation link is not valid.');
export const ZInspectInvitation = z.object({ token: ZInvitationToken });
export const ZAcceptInvitation = z.object({ token: ZInvitationToken, name: ZName, password: ZNewPassword });
export const ZAcceptInvitationForm = ZAcceptInvitation.extend({ confirm: z.string() }).refine(passwordsMatch, PASSWORDS_MATCH);
export const ZInvitationPreview = z.object({ organizationName: z.string(), email: z.string(), role: ZRole, expiresAt: z.string() });
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZMemberParams = z.object({ orgId: ZId, userId: ZId });
export const ZInvitationParams = z.object({ orgId: ZId, invitationId: ZId });
