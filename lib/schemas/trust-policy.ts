import { z } from 'zod';
import { PRESET_IDS } from '@/lib/domain/trust-policy/presets';
import { ZDescription, ZId, ZName } from './common';

// Bodies of the trust-policy endpoints. Policies arrive as IAM JSON (object or string) and are
// parsed by the engine, which reports errors with paths and positions; these schemas only bound
// the shape and size of what reaches it.

export const ZPolicyInput = z.union([z.string().max(65_536, 'A policy is at most 64 KiB.'), z.record(z.string(), z.unknown())]);
const ZContextValue = z.union([z.string().max(4096), z.array(z.string().max(4096)).max(100)]);

export const ZEvaluateByRequest = z.object({
  policy: ZPolicyInput,
  request: z.object({
    principal: z.string().min(1).max(2048),
    action: z.string().min(1).max(256),
    resource: z.string().max(2048).optional(),
    context: z.record(z.string().min(1).max(256), ZContextValue).refine((c) => Object.keys(c).length <= 200, 'At most 200 context keys.').default({}),
  }),
});

export const ZEvaluateByToken = z.object({
  policy: ZPolicyInput,
  token: z.string().min(1).max(20_000, 'AWS STS accepts tokens of at most 20000 characters.'),
  accountId: z.string().regex(/^\d{12}$/, 'An AWS account id has 12 digits.').optional(),
  action: z.string().min(1).max(256).optional(),
  roleSessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/, 'RoleSessionName: 2–64 characters of letters, digits and +=,.@-_').optional(),
});

export const ZEvaluateBody = z.union([ZEvaluateByRequest.strict(), ZEvaluateByToken.strict()], { error: 'Send {"policy", "request": {…}} or {"policy", "token", "accountId"?, "action"?}.' });

export const ZLintBody = z
  .object({
    policy: z.unknown().refine((v) => v !== undefined, 'policy is required.'),
    issuer: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    sessionTags: z.boolean().optional(),
    orgId: z.string().max(64).optional(),
  })
  .strict();

/**
 * How the builder produced the rows: which preset, for which project or environments. The policy
 * JSON is the source of truth; this only lets the builder reopen on the same choice.
 */
export const ZBuilderChoice = z
  .object({
    preset: z.enum(PRESET_IDS),
    projectSlug: z.string().min(1).max(64).optional(),
    environmentIds: z.array(ZId).max(1000).optional(),
  })
  .strict();
export type TBuilderChoice = z.infer<typeof ZBuilderChoice>;

export const ZSaveTrustPolicy = z.object({
  name: ZName,
  description: ZDescription.default(''),
  policy: ZPolicyInput,
  builder: ZBuilderChoice.nullable().default(null),
});
export const ZUpdateTrustPolicy = ZSaveTrustPolicy.extend({ version: z.number().int().min(1) });

export const ZTrustPolicySummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  problems: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
});
export type TTrustPolicySummary = z.infer<typeof ZTrustPolicySummary>;

export const ZTrustPolicy = ZTrustPolicySummary.extend({ document: z.record(z.string(), z.unknown()), builder: ZBuilderChoice.nullable(), createdAt: z.string() });
export type TTrustPolicy = z.infer<typeof ZTrustPolicy>;

export const ZPolicyContext = z.object({
  orgId: z.string(),
  issuer: z.string(),
  audiences: z.array(z.string()),
  sessionTags: z.boolean(),
  subjectTemplate: z.array(z.string()),
  environments: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), projectSlug: z.string(), projectId: z.string(), stage: z.string(), sub: z.string() })),
  truncated: z.boolean(),
});
export type TPolicyContext = z.infer<typeof ZPolicyContext>;
