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
