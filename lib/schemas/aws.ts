import { z } from 'zod';
import { isManagedPolicyArn, parseRoleArn } from '@/lib/domain/aws/arn';
import {
  ACCOUNT_ID_PATTERN,
  CLIENT_ID_MAX_LENGTH,
  CLIENT_IDS_MAX,
  DURATION_SECONDS_MAX,
  DURATION_SECONDS_MIN,
  MAX_SESSION_DURATION_MAX,
  MAX_SESSION_DURATION_MIN,
  THUMBPRINT_PATTERN,
  THUMBPRINTS_MAX,
} from '@/lib/domain/aws/limits';
import { REGION_PATTERN } from '@/lib/domain/aws/sts-region';

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
