import { z } from 'zod';
import { ZEmail, ZId, ZName, ZNewPassword, ZRole } from './common';

export const ZLogin = z.object({ email: ZEmail, password: z.string().min(1, 'Enter your password.').max(256) });
export type TLogin = z.infer<typeof ZLogin>;

export const ZSetupInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Enter the setup code from the server log.')
    .max(64),
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSetupInput = z.infer<typeof ZSetupInput>;

/**
 * Forms that ask for a new password twice. The comparison runs even while other fields are invalid
 * (zod skips refinements of a failed object unless `when` says otherwise), so one submit names every
 * problem, the mismatch included.
 */
export const PASSWORDS_MATCH = {
  path: ['confirm'],
  message: 'The two passwords do not match.',
  when: (payload: { value: unknown }) => {
    const value = payload.value as { password?: unknown; confirm?: unknown } | null;
    return typeof value?.password === 'string' && typeof value.confirm === 'string';
  },
};
export const passwordsMatch = (value: { password: string; confirm: string }) => value.password === value.confirm;
export const ZSetupForm = ZSetupInput.extend({ confirm: z.string() }).refine(passwordsMatch, PASSWORDS_MATCH);

export const ZUser = z.object({ id: ZId, email: z.string(), name: z.string(), createdAt: z.string() });
export type TUser = z.infer<typeof ZUser>;

export const ZMe = z.object({
  user: ZUser,
  organizations: z.array(z.object({ id: ZId, slug: z.string(), name: z.string(), role: ZRole })),
  session: z.object({ id: z.string(), idleExpiresAt: z.string(), absoluteExpiresAt: z.string() }),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSetupState = z.object({ needsSetup: z.boolean() });

export const ZChangePassword = z.object({ currentPassword: z.string().min(1).max(256), newPassword: ZNewPassword });

export const ZSessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  current: z.boolean(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;
