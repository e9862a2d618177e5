import 'server-only';
import { OPERATION_LABELS, requiredPolicy, type AwsOperation, type PermissionTarget } from '@/lib/domain/aws/required-permissions';
import { AppError, type ErrorCode } from '../errors';

// The one mapping from AWS SDK errors to AppErrors: a stable code, a status, and a message that
// says what to do. AWS's own message is only ever passed on scrubbed (`awsMessage`): the pasted
// secrets are removed verbatim, and anything shaped like an access key id, a secret access key or a
// session token is masked as well.

export interface AwsCallContext {
  operation: AwsOperation;
  /** The IAM/STS action being called, e.g. iam:CreateRole. */
  action: string;
  /** The ARN (or name) it acts on. */
  resource: string;
  target: PermissionTarget;
  /** Pasted secrets to scrub from anything AWS says. */
  secrets: readonly string[];
}

const INVALID_CREDENTIALS = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'IncompleteSignature', 'InvalidAccessKeyId', 'UnrecognizedClient', 'AuthFailure', 'MissingAuthenticationToken', 'InvalidToken', 'TokenRefreshRequired', 'RequestExpired']);
const ACCESS_DENIED = new Set(['AccessDenied', 'UnauthorizedOperation', 'AccessDeniedException', 'NotAuthorized']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequests', 'RequestLimitExceeded', 'SlowDown', 'RequestThrottled']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EPROTO', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError', 'AbortError']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Removes the pasted secrets and anything that looks like AWS key material; at most 300 characters. */
export function scrubAwsText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out
    .replace(/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\b/g, '[access key id]')
    .replace(/[A-Za-z0-9/+=]{100,}/g, '[redacted]')
    .replace(/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]')
    .slice(0, 300);
}

/** The AWS error code without the SDK's "Exception" suffix (EntityAlreadyExistsException → EntityAlreadyExists). */
export function awsErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as SdkErrorShape;
  if (typeof e.Code === 'string' && e.Code !== '') return e.Code;
  if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name.replace(/Exception$/, '') || e.name;
  return null;
}

export function isAwsCode(error: unknown, ...codes: string[]): boolean {
  const code = awsErrorCode(error);
  return code !== null && codes.includes(code);
}

function httpStatus(error: SdkErrorShape): number | null {
  const s = error.$metadata?.httpStatusCode;
  return typeof s === 'number' ? s : null;
}

function isNetworkError(error: SdkErrorShape): boolean {
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return true;
  if (typeof error.name === 'string' && NETWORK_NAMES.has(error.name)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return httpStatus(error) === null && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|socket hang up|timed? ?out/i.test(message);
}

function awsError(status: number, code: ErrorCode, message: string, ctx: AwsCallContext, awsCode: string | null, awsMessage: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): AppError {
  return new AppError(status, code, message, { awsCode, ...(awsMessage ? { awsMessage } : {}), action: ctx.action, operation: ctx.operation, ...extra }, headers);
}

/** The IAM action AWS says is missing ("… is not authorized to perform: iam:CreateRole on …"), if it says. */
function deniedAction(awsMessage: string): string | null {
  return /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(awsMessage)?.[1] ?? null;
}

export function mapAwsError(error: unknown, ctx: AwsCallContext): AppError {
  if (error instanceof AppError) return error;
  const e: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
  const code = awsErrorCode(error);
  const awsMessage = scrubAwsText(typeof e.message === 'string' && e.message !== 'Unknown' ? e.message : '', ctx.secrets);
  const what = OPERATION_LABELS[ctx.operation];

  if (e.name === 'CredentialsProviderError' || code === 'CredentialsProviderError') {
    return awsError(
      400,
      'aws_credentials_missing',
      `No AWS credentials to ${what}: paste temporary credentials for account ${ctx.target.accountId} (awsCredentials), or give the Trustbridge server its own (environment variables, shared credentials file, or an instance/task role).`,
      ctx,
      null,
      '',
    );
  }
  if (code !== null && INVALID_CREDENTIALS.has(code)) {
    const expired = code === 'ExpiredToken' || code === 'RequestExpired' || code === 'TokenRefreshRequired';
    return awsError(
      400,
      'aws_invalid_credentials',
      expired
        ? 'AWS says these credentials have expired. Create fresh temporary credentials (e.g. aws sts get-session-token or from the access portal) and paste all three values again.'
        : 'AWS does not accept these credentials (the access key id is unknown or the secret access key or session token does not match). Paste the access key id, secret access key and, for temporary credentials, the session token again.',
      ctx,
      code,
      awsMessage,
    );
  }
  if (code !== null && ACCESS_DENIED.has(code)) {
    const missing = deniedAction(awsMessage) ?? ctx.action;
    return awsError(
      403,
      'aws_access_denied',
      `AWS refused ${missing} on ${ctx.resource}: the credentials are not allowed to ${what}. Add ${missing} to their IAM policy; the minimal policy for this step (shown with this error) lists every action it needs.`,
      ctx,
      code,
      awsMessage,
      { missingAction: missing, requiredPolicy: requiredPolicy(ctx.operation, ctx.target) },
    );
  }
  if (code === 'EntityAlreadyExists') {
    return awsError(409, 'aws_entity_exists', `${ctx.resource} already exists in AWS account ${ctx.target.accountId}.`, ctx, code, awsMessage);
  }
  if (code === 'MalformedPolicyDocument') {
    return awsError(400, 'aws_malformed_policy', `AWS refused the policy document for ${ctx.resource} as malformed${awsMessage ? ` (${awsMessage})` : ''}. Fix the trust policy in the builder or JSON editor and apply again.`, ctx, code, awsMessage);
  }
  if (code === 'LimitExceeded') {
    return awsError(409, 'aws_limit_exceeded', `An IAM quota of account ${ctx.target.accountId} is reached (${ctx.action}${awsMessage ? `: ${awsMessage}` : ''}). Remove unused providers, roles or attachments, or ask AWS for a higher quota.`, ctx, code, awsMessage);
  }
  if (code !== null && THROTTLED.has(code)) {
    return awsError(429, 'aws_throttled', `AWS is throttling IAM requests for account ${ctx.target.accountId}; Trustbridge retried with backoff and gave up. Try again in a minute.`, ctx, code, awsMessage, { retryAfterSeconds: 30 }, { 'Retry-After': '30' });
  }
  if (code === 'NoSuchEntity') {
    return awsError(400, 'aws_not_found', `AWS says ${ctx.resource} does not exist${awsMessage ? ` (${awsMessage})` : ''}.`, ctx, code, awsMessage);
  }
  if (code === 'DeleteConflict') {
    return awsError(409, 'aws_delete_conflict', `AWS cannot delete ${ctx.resource} while something still uses it${awsMessage ? ` (${awsMessage})` : ''} — e.g. an instance profile. Remove that first and try again.`, ctx, code, awsMessage);
  }
  if (code === 'ValidationError' || code === 'InvalidInput' || code === 'UnmodifiableEntity' || code === 'InvalidParameterValue') {
    return awsError(400, 'aws_validation_error', `AWS refused ${ctx.action} on ${ctx.resource}${awsMessage ? `: ${awsMessage}` : ''}.`, ctx, code, awsMessage);
  }
  if (isNetworkError(e)) {
    return awsError(502, 'aws_unreachable', `The AWS ${ctx.action.split(':')[0]?.toUpperCase() ?? 'IAM'} endpoint did not answer. Check the server's network access to AWS (or AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL_STS) and try again.`, ctx, null, '');
  }
  const status = httpStatus(e);
  return awsError(502, 'aws_error', `AWS answered ${ctx.action} with ${code ?? 'an unexpected error'}${status ? ` (HTTP ${status})` : ''}${awsMessage ? `: ${awsMessage}` : ''}. Try again; if it persists, do this step by hand from the exports.`, ctx, code, awsMessage);
}
