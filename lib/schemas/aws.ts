import { z } from 'zod';
import { isManagedPolicyArn, parseRoleArn } from '@/lib/domain/aws/arn';
import { EXPORT_FORMATS } from '@/lib/domain/aws/exports';
import {
  ACCOUNT_ID_PATTERN,
  CLIENT_ID_MAX_LENGTH,
  CLIENT_IDS_MAX,
  DURATION_SECONDS_MAX,
  DURATION_SECONDS_MIN,
  isValidRolePath,
  MANAGED_POLICIES_MAX,
  MAX_SESSION_DURATION_MAX,
  MAX_SESSION_DURATION_MIN,
  ROLE_DESCRIPTION_MAX,
  ROLE_DESCRIPTION_PATTERN,
  ROLE_NAME_PATTERN,
  ROLE_PATH_MAX,
  THUMBPRINT_PATTERN,
  THUMBPRINTS_MAX,
} from '@/lib/domain/aws/limits';
import { REGION_PATTERN } from '@/lib/domain/aws/sts-region';
import { AWS_RECORD_STATUSES, VERIFICATION_STATES } from '@/lib/domain/aws/verification-state';
import { BUILDER_OPERATORS } from '@/lib/domain/trust-policy/builder-model';
import { ZId, ZVersion } from './common';
import { ZBuilderChoice, type TBuilderChoice } from './trust-policy';

// AWS field rules shared by forms and handlers (issues 9 and 10). The limits and their sources
// are in lib/domain/aws/limits.ts; every message names the limit.

export const ZAccountId = z.string().trim().regex(ACCOUNT_ID_PATTERN, 'An AWS account id is 12 digits.');

export const ZRoleArn = z
  .string()
  .trim()
  .max(2048, 'A role ARN has at most 2048 characters.')
  .superRefine((value, ctx) => {
    const parsed = parseRoleArn(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const ZDurationSeconds = z
  .number({ error: 'Enter the session duration in seconds.' })
  .int('Use whole seconds.')
  .min(DURATION_SECONDS_MIN, `AWS accepts ${DURATION_SECONDS_MIN}–${DURATION_SECONDS_MAX} seconds (15 minutes to 12 hours).`)
  .max(DURATION_SECONDS_MAX, `AWS accepts ${DURATION_SECONDS_MIN}–${DURATION_SECONDS_MAX} seconds (15 minutes to 12 hours).`);

export const ZMaxSessionDuration = z
  .number({ error: 'Enter the maximum session duration in seconds.' })
  .int('Use whole seconds.')
  .min(MAX_SESSION_DURATION_MIN, `MaxSessionDuration is ${MAX_SESSION_DURATION_MIN}–${MAX_SESSION_DURATION_MAX} seconds (1 to 12 hours).`)
  .max(MAX_SESSION_DURATION_MAX, `MaxSessionDuration is ${MAX_SESSION_DURATION_MIN}–${MAX_SESSION_DURATION_MAX} seconds (1 to 12 hours).`);

/** AWS Regions look like us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
export const ZRegion = z
  .string()
  .trim()
  .regex(REGION_PATTERN, 'An AWS Region looks like us-east-1.');

export const ZClientId = z
  .string()
  .min(1, 'A client ID (audience) is 1–255 characters.')
  .max(CLIENT_ID_MAX_LENGTH, 'A client ID (audience) is 1–255 characters.');
export const ZClientIds = z
  .array(ZClientId)
  .min(1, 'Add at least one client ID (audience).')
  .max(CLIENT_IDS_MAX, `An IAM OIDC provider has at most ${CLIENT_IDS_MAX} client IDs.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each client ID once.');

export const ZThumbprints = z
  .array(z.string().regex(THUMBPRINT_PATTERN, 'A thumbprint is 40 hexadecimal characters (the SHA-1 of the certificate).'))
  .max(THUMBPRINTS_MAX, `An IAM OIDC provider has at most ${THUMBPRINTS_MAX} thumbprints.`);

export const ZManagedPolicyArn = z
  .string()
  .trim()
  .refine(isManagedPolicyArn, 'A managed policy ARN looks like arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/name.');

/**
 * Temporary AWS credentials an admin pastes for one request (never stored, logged or returned).
 * Access key ids are 16–128 word characters (IAM API Reference, AccessKey); session tokens can be long.
 */
export const ZAwsCredentials = z
  .object({
    accessKeyId: z.string().trim().regex(/^[\w]{16,128}$/, 'An access key id is 16–128 letters and digits (AKIA… or ASIA…).'),
    secretAccessKey: z.string().trim().min(1, 'Paste the secret access key.').max(128, 'A secret access key has at most 128 characters.'),
    sessionToken: z.string().trim().max(4096, 'A session token has at most 4096 characters.').optional(),
  })
  .strict();
export type TAwsCredentials = z.infer<typeof ZAwsCredentials>;

// ---- AWS setup wizard (issue 9): request bodies ---------------------------------------------------

export const ZRoleName = z.string().trim().regex(ROLE_NAME_PATTERN, 'A role name is 1–64 characters of letters, digits and +=,.@_- (IAM CreateRole).');
export const ZRolePath = z
  .string()
  .trim()
  .refine(isValidRolePath, `A role path is "/" or like "/ci/deploy/": it begins and ends with "/", printable ASCII, no empty segment, at most ${ROLE_PATH_MAX} characters.`);
export const ZRoleDescription = z
  .string()
  .max(ROLE_DESCRIPTION_MAX, `A role description has at most ${ROLE_DESCRIPTION_MAX} characters.`)
  .regex(ROLE_DESCRIPTION_PATTERN, 'A role description may hold printable Latin-1 characters, tabs and line breaks only.');
export const ZManagedPolicyArns = z
  .array(ZManagedPolicyArn)
  .max(MANAGED_POLICIES_MAX, `IAM attaches at most ${MANAGED_POLICIES_MAX} managed policies to a role.`)
  .refine((arns) => new Set(arns).size === arns.length, 'Each managed policy once.');

export const ZBuilderRow = z
  .object({
    key: z.string().trim().min(1, 'Enter a condition key.').max(256),
    operator: z.enum(BUILDER_OPERATORS),
    negated: z.boolean().default(false),
    ifExists: z.boolean().default(false),
    qualifier: z.enum(['ForAnyValue', 'ForAllValues']).nullable().default(null),
    values: z.array(z.string().max(1024)).min(1, 'Add at least one value.').max(100),
  })
  .strict();

/** The builder's rows (the provider principal and the aud condition are added from the record). */
export const ZBuilderRows = z
  .object({
    audience: z.string().min(1).max(CLIENT_ID_MAX_LENGTH).optional(),
    tagSession: z.boolean().optional(),
    rows: z.array(ZBuilderRow).max(50, 'At most 50 rows.'),
  })
  .strict();

export type TRoleTrustPolicyInput =
  | { kind: 'json'; policy: string | Record<string, unknown> }
  | { kind: 'preset'; choice: TBuilderChoice }
  | { kind: 'rows'; rows: z.infer<typeof ZBuilderRows> };

/**
 * A role's trust policy: IAM JSON (object or string), a builder preset `{preset, projectSlug?,
 * environmentIds?}`, or builder rows `{rows:[…], audience?, tagSession?}`.
 */
export const ZRoleTrustPolicy = z
  .union([z.string().max(65_536, 'A trust policy is at most 64 KiB.'), z.record(z.string(), z.unknown())], {
    error: 'Send the trust policy as IAM JSON (an object or a string), {"preset": …} or {"rows": […]}.',
  })
  .transform((value, ctx): TRoleTrustPolicyInput => {
    if (typeof value === 'string' || 'Statement' in value || !('preset' in value || 'rows' in value)) return { kind: 'json', policy: value };
    const parsed = 'preset' in value ? ZBuilderChoice.safeParse(value) : ZBuilderRows.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return 'preset' in value ? { kind: 'preset', choice: parsed.data as TBuilderChoice } : { kind: 'rows', rows: parsed.data as z.infer<typeof ZBuilderRows> };
  });

const ZApplyOptions = {
  apply: z.boolean().default(false),
  awsCredentials: ZAwsCredentials.optional(),
};

export const ZCreateAwsProvider = z
  .object({
    accountId: ZAccountId,
    audiences: ZClientIds.optional(),
    thumbprints: ZThumbprints.default([]),
    ...ZApplyOptions,
  })
  .strict();

const IMMUTABLE = {
  accountId: 'The account of a record cannot change: record the provider or role in the other account instead.',
  roleName: 'IAM cannot rename a role: record a new role with the new name.',
  path: 'IAM cannot change the path of a role: record a new role with the new path.',
};

const immutable = (keys: Array<keyof typeof IMMUTABLE>) =>
  Object.fromEntries(keys.map((k) => [k, z.undefined({ error: IMMUTABLE[k] }).optional()])) as Record<keyof typeof IMMUTABLE, z.ZodOptional<z.ZodUndefined>>;

export const ZUpdateAwsProvider = z.object({ version: ZVersion, audiences: ZClientIds.optional(), thumbprints: ZThumbprints.optional(), ...immutable(['accountId']) }).strict();

const trustPolicyChoice = <T extends { trustPolicy?: unknown; trustPolicyId?: unknown }>(value: T, ctx: z.RefinementCtx, required: boolean) => {
  const given = (value.trustPolicy !== undefined ? 1 : 0) + (value.trustPolicyId !== undefined ? 1 : 0);
  if (given > 1) ctx.addIssue({ code: 'custom', path: ['trustPolicyId'], message: 'Send either trustPolicy or trustPolicyId, not both.' });
  if (required && given === 0) ctx.addIssue({ code: 'custom', path: ['trustPolicy'], message: 'Send the trust policy (IAM JSON, a builder preset or builder rows), or trustPolicyId of a saved policy.' });
};

export const ZCreateAwsRole = z
  .object({
    accountId: ZAccountId,
    roleName: ZRoleName,
    path: ZRolePath.default('/'),
    description: ZRoleDescription.default(''),
    maxSessionDuration: ZMaxSessionDuration.default(MAX_SESSION_DURATION_MIN),
    trustPolicy: ZRoleTrustPolicy.optional(),
    trustPolicyId: ZId.optional(),
    /** With IAM JSON: how the builder produced it, so the builder reopens on the same choice. */
    builder: ZBuilderChoice.nullable().optional(),
    managedPolicyArns: ZManagedPolicyArns.default([]),
    ...ZApplyOptions,
  })
  .strict()
  .superRefine((value, ctx) => trustPolicyChoice(value, ctx, true));

export const ZUpdateAwsRole = z
  .object({
    version: ZVersion,
    description: ZRoleDescription.optional(),
    maxSessionDuration: ZMaxSessionDuration.optional(),
    trustPolicy: ZRoleTrustPolicy.optional(),
    trustPolicyId: ZId.optional(),
    builder: ZBuilderChoice.nullable().optional(),
    managedPolicyArns: ZManagedPolicyArns.optional(),
    ...immutable(['accountId', 'roleName', 'path']),
  })
  .strict()
  .superRefine((value, ctx) => trustPolicyChoice(value, ctx, false));

/** POST …/{id}/apply: `prune` also removes client IDs / detaches managed policies that AWS has and the record does not. */
export const ZApplyAwsRecord = z.object({ version: ZVersion.optional(), prune: z.boolean().default(false), awsCredentials: ZAwsCredentials.optional() }).strict();
export const ZVerifyAwsRecord = z.object({ awsCredentials: ZAwsCredentials.optional() }).strict();
/** POST …/{id}/adopt: the record takes AWS's version (overwrites it, hence `version`). */
export const ZAdoptAwsRecord = z.object({ version: ZVersion, awsCredentials: ZAwsCredentials.optional() }).strict();
export const ZDeleteInAws = z.object({ confirm: z.literal(true, 'Confirm with "confirm": true that the resource is deleted in AWS.'), awsCredentials: ZAwsCredentials.optional() }).strict();
export const ZExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, 'format is cli, cloudformation, terraform or console.'), download: z.enum(['0', '1']).optional() }).strict();
export const ZListAwsQuery = z.object({ accountId: ZAccountId.optional() }).strict();

// ---- responses (the wizard UI parses these) --------------------------------------------------------

export const ZAwsDifference = z.object({ path: z.string(), ours: z.unknown(), aws: z.unknown(), message: z.string() });
export type TAwsDifference = z.infer<typeof ZAwsDifference>;

export const ZAwsErrorSummary = z.object({ code: z.string(), message: z.string() });

export const APPLY_STEP_STATUSES = ['done', 'unchanged', 'failed', 'skipped'] as const;
export const ZApplyStep = z.object({
  /** The IAM action, e.g. iam:CreateRole. */
  action: z.string(),
  /** What it acted on: an ARN, a client ID, a policy ARN. */
  target: z.string(),
  status: z.enum(APPLY_STEP_STATUSES),
  detail: z.string().optional(),
  error: ZAwsErrorSummary.optional(),
});
export type TApplyStep = z.infer<typeof ZApplyStep>;

export const ZLastApply = z.object({
  at: z.string(),
  operation: z.enum(['apply', 'delete']),
  ok: z.boolean(),
  /** created | updated | deleted | already_absent (when ok). */
  result: z.enum(['created', 'updated', 'deleted', 'already_absent']).optional(),
  /** One sentence: what exists in AWS now. */
  message: z.string(),
  steps: z.array(ZApplyStep),
  /** What AWS has beyond the record, left in place (apply without prune). */
  extra: z.object({ clientIds: z.array(z.string()).optional(), thumbprints: z.array(z.string()).optional(), managedPolicyArns: z.array(z.string()).optional() }),
  error: ZAwsErrorSummary.optional(),
});
export type TLastApply = z.infer<typeof ZLastApply>;

export const ZLastVerification = z.object({
  at: z.string(),
  /** null when AWS could not be asked (see error). */
  inSync: z.boolean().nullable(),
  differences: z.array(ZAwsDifference),
  error: ZAwsErrorSummary.optional(),
});
export type TLastVerification = z.infer<typeof ZLastVerification>;

export const ZAwsRecordStatus = z.enum(AWS_RECORD_STATUSES);
export const ZVerification = z.object({ state: z.enum(VERIFICATION_STATES), at: z.string().nullable(), differenceCount: z.number() });

const recordBase = {
  id: z.string(),
  accountId: z.string(),
  partition: z.string(),
  arn: z.string(),
  status: ZAwsRecordStatus,
  verification: ZVerification,
  lastApply: ZLastApply.nullable(),
  lastVerification: ZLastVerification.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
};

export const ZAwsProvider = z.object({ ...recordBase, issuerUrl: z.string(), audiences: z.array(z.string()), thumbprints: z.array(z.string()) });
export type TAwsProvider = z.infer<typeof ZAwsProvider>;

export const ZLintFinding = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), path: z.string() });
export const ZReachEnvironment = z.object({ id: z.string(), name: z.string(), slug: z.string(), projectSlug: z.string(), stage: z.string() });
export const ZReachSummary = z.object({
  admittedCount: z.number(),
  total: z.number(),
  /** The admitted environments (at most 100; `truncated` says when there are more). */
  admitted: z.array(ZReachEnvironment),
  truncated: z.boolean(),
});
export type TReachSummary = z.infer<typeof ZReachSummary>;

export const ZAwsRole = z.object({
  ...recordBase,
  roleName: z.string(),
  path: z.string(),
  description: z.string(),
  maxSessionDuration: z.number(),
  trustPolicy: z.record(z.string(), z.unknown()),
  builder: ZBuilderChoice.nullable(),
  trustPolicyId: z.string().nullable(),
  managedPolicyArns: z.array(z.string()),
  /** Lint findings of the trust policy for this organization (GET one, create, update, apply). */
  findings: z.array(ZLintFinding).optional(),
  reach: ZReachSummary.nullable().optional(),
});
export type TAwsRole = z.infer<typeof ZAwsRole>;

export const ZVerifyResult = z.object({ inSync: z.boolean(), differences: z.array(ZAwsDifference), verifiedAt: z.string(), status: ZAwsRecordStatus });
/** POST …/providers/{id}/verify and …/roles/{id}/verify: the comparison and the record as stored after it. */
export const ZProviderVerifyResult = ZVerifyResult.extend({ record: ZAwsProvider });
export const ZRoleVerifyResult = ZVerifyResult.extend({ record: ZAwsRole });

export const ZTrustChainLink = z.object({ id: z.string(), arn: z.string(), status: ZAwsRecordStatus, verification: ZVerification });
export const ZTrustChain = z.object({
  issuer: z.string(),
  issuerUsableByAws: z.object({ ok: z.boolean(), reason: z.string().optional() }),
  environmentCount: z.number(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      provider: ZTrustChainLink.extend({ audiences: z.array(z.string()) }).nullable(),
      roles: z.array(ZTrustChainLink.extend({ roleName: z.string(), reach: ZReachSummary.nullable(), reachError: z.string().optional() })),
    }),
  ),
});
export type TTrustChain = z.infer<typeof ZTrustChain>;

export const ZProviderParams = z.object({ orgId: ZId, providerId: ZId });
export const ZRoleParams = z.object({ orgId: ZId, roleId: ZId });
/** Role bodies carry a trust policy: the trust-policy endpoints' limit. */
export const AWS_ROLE_BODY_LIMIT = 128 * 1024;
