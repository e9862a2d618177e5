import { z } from 'zod';
import { DASHBOARD_TOKEN_MAX_SECONDS } from '@/lib/domain/claims/id-token-claims';
import { CHECK_IDS } from '@/lib/domain/jwt/token-checks';
import { ZId } from './common';
import { ZPolicyInput } from './trust-policy';

// Bodies and answers of the claim inspector's endpoints (issue 11). Tokens are bounded here only
// so that a body cannot be unbounded; the size check itself reports anything over 20000.

/** The front door refuses bodies over 1 MiB; a token up to that size is still analysed and refused by name. */
export const INSPECT_TOKEN_MAX = 1024 * 1024;

export const ZInspectBody = z
  .object({
    token: z.string({ error: 'token must be a string: the compact JWT.' }).max(INSPECT_TOKEN_MAX).refine((t) => t.trim() !== '', 'Paste a token: it is empty.'),
    /** The organization whose issuer the token is checked against; optional with an environment token (its own). */
    orgId: ZId.optional(),
  })
  .strict();

export const ZTokenCheck = z.object({ id: z.enum(CHECK_IDS), ok: z.boolean(), message: z.string(), fix: z.string().optional(), skipped: z.boolean().optional() });
export type TTokenCheck = z.infer<typeof ZTokenCheck>;

export const ZInspectResult = z.object({
  ok: z.boolean(),
  issuer: z.string(),
  header: z.record(z.string(), z.unknown()).nullable(),
  claims: z.record(z.string(), z.unknown()).nullable(),
  checks: z.array(ZTokenCheck),
});
export type TInspectResult = z.infer<typeof ZInspectResult>;

const ZRoleSessionName = z.string().regex(/^[\w+=,.@-]{2,64}$/, 'RoleSessionName: 2–64 characters of letters, digits and +=,.@-_');

/** "Would this role accept it": a token or an environment's unsigned claims, against one target. */
export const ZEvaluateTokenBody = z
  .object({
    token: z.string().trim().min(1, 'Paste a token.').max(20_000, 'AWS STS accepts tokens of at most 20000 characters.').optional(),
    environmentId: ZId.optional(),
    roleId: ZId.optional(),
    trustPolicyId: ZId.optional(),
    credentialId: ZId.optional(),
    policy: ZPolicyInput.optional(),
    roleSessionName: ZRoleSessionName.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const sources = [body.token, body.environmentId].filter((v) => v !== undefined).length;
    if (sources !== 1) ctx.addIssue({ code: 'custom', path: ['token'], message: 'Send exactly one of token or environmentId.' });
    const targets = [body.roleId, body.trustPolicyId, body.credentialId, body.policy].filter((v) => v !== undefined).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', path: ['roleId'], message: 'Send exactly one of roleId, trustPolicyId, credentialId or policy.' });
  });
export type TEvaluateTokenBody = z.infer<typeof ZEvaluateTokenBody>;

export const TARGET_KINDS = ['role', 'trust_policy', 'credential', 'policy'] as const;

const ZTrace = z.object({ matched: z.boolean(), reason: z.string() });
const ZConditionTrace = z.object({ operator: z.string(), key: z.string(), policyValues: z.array(z.string()), contextValues: z.array(z.string()).nullable(), matched: z.boolean(), reason: z.string() });

export const ZTokenEvaluation = z.object({
  target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string().nullable(), name: z.string(), roleArn: z.string().nullable(), accountId: z.string().nullable() }),
  source: z.enum(['token', 'environment']),
  policyKnown: z.boolean(),
  decision: z.enum(['Allow', 'ImplicitDeny', 'ExplicitDeny']).nullable(),
  refusedForTagSession: z.boolean(),
  statements: z.array(
    z.object({ index: z.number(), sid: z.string().optional(), effect: z.string(), matched: z.boolean(), principal: ZTrace, action: ZTrace, resource: ZTrace.optional(), conditions: z.array(ZConditionTrace) }),
  ),
  failingCondition: ZConditionTrace.nullable(),
  failure: z.string().nullable(),
  request: z.object({ principal: z.string(), action: z.string(), context: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }).nullable(),
  fix: z.object({ steps: z.array(z.string()), policy: z.record(z.string(), z.unknown()) }).nullable(),
  notes: z.array(z.string()),
});
export type TTokenEvaluation = z.infer<typeof ZTokenEvaluation>;

export const ZEvaluationTargets = z.object({
  roles: z.array(z.object({ id: z.string(), name: z.string(), arn: z.string(), accountId: z.string() })),
  trustPolicies: z.array(z.object({ id: z.string(), name: z.string() })),
  credentials: z.array(z.object({ id: z.string(), name: z.string(), roleArn: z.string(), roleId: z.string().nullable() })),
});
export type TEvaluationTargets = z.infer<typeof ZEvaluationTargets>;

export const ZMintIdTokenBody = z
  .object({
    audience: z.string().min(1).max(255).optional(),
    lifetimeSeconds: z.number().int().min(60).max(DASHBOARD_TOKEN_MAX_SECONDS).optional(),
  })
  .strict();

export const ZMintedIdToken = z.object({ token: z.string(), expiresAt: z.string(), kid: z.string(), jti: z.string() });
export type TMintedIdToken = z.infer<typeof ZMintedIdToken>;
