import { z } from 'zod';
import { ZId, ZName } from './common';

const MAX_TOKEN_LIFETIME_MS = 2 * 366 * 24 * 3600 * 1000;

export const ZCreateEnvironmentToken = z.object({
  name: ZName,
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z.' })
    .refine((v) => Date.parse(v) > Date.now(), 'The expiry must be in the future.')
    .refine((v) => Date.parse(v) < Date.now() + MAX_TOKEN_LIFETIME_MS, 'Tokens can live at most two years.')
    .optional()
    .nullable(),
});
export type TCreateEnvironmentToken = z.infer<typeof ZCreateEnvironmentToken>;

export const ZEnvironmentToken = z.object({
  id: ZId,
  environmentId: ZId,
  name: z.string(),
  prefix: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TEnvironmentToken = z.infer<typeof ZEnvironmentToken>;

/** The only response that ever contains the token itself. */
export const ZCreatedEnvironmentToken = ZEnvironmentToken.extend({ token: z.string() });
export type TCreatedEnvironmentToken = z.infer<typeof ZCreatedEnvironmentToken>;

export const ZTokenParams = z.object({ orgId: ZId, envId: ZId, tokenId: ZId });
