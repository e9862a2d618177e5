import { z } from 'zod';
import { SUBJECT_FIELDS } from '@/lib/domain/claims/subject-template';
import { ZVersion } from './common';

// Audiences are OIDC client ids (AWS: 1–255 characters, at most 100 per provider).
export const ZAudience = z
  .string()
  .trim()
  .min(1, 'An audience cannot be empty.')
  .max(255, 'AWS accepts client ids of at most 255 characters.')
  .regex(/^[\x21-\x7e]+$/, 'Use printable characters without spaces.');

export const ZSubjectTemplate = z
  .array(z.enum(SUBJECT_FIELDS))
  .min(1)
  .max(SUBJECT_FIELDS.length)
  .refine((fields) => fields[0] === 'org', 'The organization must come first in the subject.')
  .refine((fields) => new Set(fields).size === fields.length, 'Each field may appear once.');

export const ZSigningAlgorithm = z.enum(['ES256', 'RS256'], 'Choose ES256 or RS256.');

export const ZIssuerSettings = z.object({
  algorithm: ZSigningAlgorithm,
  tokenLifetimeSeconds: z.number().int(),
  audiences: z.array(z.string()),
  subjectTemplate: ZSubjectTemplate,
  sessionTags: z.boolean(),
  rotationPeriodDays: z.number().int(),
  rotationLeadHours: z.number().int(),
  version: z.number().int(),
  issuer: z.string(),
  discoveryUrl: z.string(),
  jwksUrl: z.string(),
});
export type TIssuerSettings = z.infer<typeof ZIssuerSettings>;

export const ZUpdateIssuerSettings = z.object({
  version: ZVersion,
  algorithm: ZSigningAlgorithm.optional(),
  tokenLifetimeSeconds: z.number().int().min(60, 'At least 1 minute.').max(3600, 'At most 60 minutes.').optional(),
  audiences: z
    .array(ZAudience)
    .min(1, 'Allow at least one audience.')
    .max(100, 'AWS accepts at most 100 client ids per provider.')
    .refine((a) => new Set(a).size === a.length, 'Audiences must be unique.')
    .optional(),
  subjectTemplate: ZSubjectTemplate.optional(),
  sessionTags: z.boolean().optional(),
  rotationPeriodDays: z.number().int().min(7, 'At least 7 days.').max(365, 'At most 365 days.').optional(),
  rotationLeadHours: z.number().int().min(1, 'At least 1 hour.').max(168, 'At most 7 days.').optional(),
  /** Required (true) when subjectTemplate changes: the change alters every environment's `sub`. */
  confirmSubjectChange: z.boolean().optional(),
});
export type TUpdateIssuerSettings = z.infer<typeof ZUpdateIssuerSettings>;

export const ZSubjectPreviewRequest = z.object({ subjectTemplate: ZSubjectTemplate });
export const ZSubjectPreview = z.object({
  changed: z.boolean(),
  environments: z.array(z.object({ environmentId: z.string(), name: z.string(), projectSlug: z.string(), slug: z.string(), before: z.string(), after: z.string() })),
  policies: z.array(
    z.object({
      policyId: z.string(),
      name: z.string(),
      stopsAdmitting: z.array(z.object({ environmentId: z.string(), name: z.string() })),
      startsAdmitting: z.array(z.object({ environmentId: z.string(), name: z.string() })),
    }),
  ),
});
export type TSubjectPreview = z.infer<typeof ZSubjectPreview>;

export const ZSigningKeyInfo = z.object({
  kid: z.string(),
  algorithm: ZSigningAlgorithm,
  state: z.enum(['next', 'active', 'retired', 'removed']),
  createdAt: z.string(),
  activatesAt: z.string(),
  retiredAt: z.string().nullable(),
  publishedUntil: z.string().nullable(),
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export type TSigningKeyInfo = z.infer<typeof ZSigningKeyInfo>;

export const ZRotateKey = z.object({
  /** Hours the new key is published before it signs; 0 = sign with it at once. Default: the org's lead time. */
  leadHours: z.number().min(0).max(168).optional(),
  algorithm: ZSigningAlgorithm.optional(),
});

export const ZRevokeKey = z.object({ confirm: z.literal(true, 'Confirm that tokens signed with this key will stop verifying.') });
export const ZKeyParams = z.object({ orgId: z.string(), kid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const ZTokenRequest = z.object({ audience: ZAudience.optional() }).strict();
export const ZTokenResponse = z.object({ token: z.string(), expiresAt: z.string() });
