// Every STS failure of AssumeRoleWithWebIdentity (and GetCallerIdentity) explained with its cause
// and its fix — one table used by the CLI (`idp login aws`, `idp credential-process`) and by the
// server's Test connection. Sources: STS API Reference, AssumeRoleWithWebIdentity "Errors"
// (ExpiredToken, IDPCommunicationError, IDPRejectedClaim, InvalidIdentityToken, MalformedPolicyDocument,
// PackedPolicyTooLarge, RegionDisabledException) and "Common Errors" (AccessDenied, Throttling,
// ValidationError, InvalidClientTokenId, SignatureDoesNotMatch); the messages STS sends for
// InvalidIdentityToken ("No OpenIDConnect provider found in your account for <iss>", "Incorrect
// token audience", "Couldn't retrieve verification key from your identity provider") and for
// ValidationError ("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.").
// AccessDenied ("Not authorized to perform sts:AssumeRoleWithWebIdentity") is the same whichever
// trust-policy condition failed, and also when the role does not exist.
import { parseRoleArn } from './arn';

export type StsFailureCause =
  | 'no_provider'
  | 'incorrect_audience'
  | 'verification_key'
  | 'invalid_token'
  | 'expired_token'
  | 'idp_communication'
  | 'idp_rejected'
  | 'access_denied'
  | 'duration_exceeds_max'
  | 'validation'
  | 'packed_policy_too_large'
  | 'region_disabled'
  | 'throttled'
  | 'invalid_credentials'
  | 'unreachable'
  | 'aws_error';

/** What an STS call answered, reduced to what the table needs (never credentials or tokens). */
export interface StsFailure {
  /** The AWS error code (`InvalidIdentityToken`, …) or a network code (`ECONNREFUSED`, `TimeoutError`). */
  code: string;
  message: string;
  httpStatus?: number | undefined;
}

export interface StsFailureContext {
  roleArn: string;
  durationSeconds: number;
  audience: string;
  /** The token's issuer (`iss`), when known. */
  issuer?: string | undefined;
  /** The STS endpoint that was called, when it is not AWS's default (AWS_ENDPOINT_URL_STS). */
  endpoint?: string | undefined;
}

export interface StsExplanation {
  cause: StsFailureCause;
  /** One line: what went wrong. */
  title: string;
  /** What AWS said and what it means. */
  detail: string;
  /** What to do about it. */
  fix: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'TimeoutError', 'RequestTimeout', 'NetworkingError', 'AbortError', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);
const THROTTLING_CODES = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads an error thrown by the AWS SDK (a ServiceException: `name` = AWS error code, `message`,
 * `$metadata.httpStatusCode`) or by the network below it (`code` = ECONNREFUSED, …). Only code,
 * message and status are kept.
 */
export function stsFailureFrom(error: unknown): StsFailure {
  if (typeof error !== 'object' || error === null) return { code: 'UnknownError', message: String(error) };
  const e = error as { name?: unknown; code?: unknown; Code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown }; cause?: unknown };
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const causeCode = typeof e.cause === 'object' && e.cause !== null ? str((e.cause as { code?: unknown }).code) : undefined;
  const networkCode = [str(e.code), causeCode, str(e.name)].find((c) => c !== undefined && NETWORK_CODES.has(c));
  if (networkCode && status === undefined) return { code: networkCode, message: str(e.message) ?? networkCode };
  const code = str(e.Code) ?? str(e.name) ?? str(e.code) ?? 'UnknownError';
  const message = str(e.message) ?? '';
  return { code: code === 'Error' && status === undefined ? 'NetworkingError' : code, message, ...(status === undefined ? {} : { httpStatus: status }) };
}

function issuerText(ctx: StsFailureContext): string {
  return ctx.issuer ?? 'the organization’s Trustbridge issuer';
}

function jwksUrl(ctx: StsFailureContext): string {
  return ctx.issuer ? `${ctx.issuer.replace(/\/+$/, '')}/.well-known/jwks.json` : 'the issuer’s JWKS';
}

/** " <account id>" of a role ARN, or nothing when it is not one. */
function accountOf(roleArn: string): string {
  const parts = parseRoleArn(roleArn);
  return parts.ok ? ` ${parts.accountId}` : '';
}

function classify(f: StsFailure): StsFailureCause {
  const m = f.message.toLowerCase();
  if (NETWORK_CODES.has(f.code)) return 'unreachable';
  if (THROTTLING_CODES.has(f.code) || f.httpStatus === 429) return 'throttled';
  switch (f.code) {
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
      if (m.includes('no openidconnect provider') || m.includes('no openid connect provider')) return 'no_provider';
      if (m.includes('audience')) return 'incorrect_audience';
      if (m.includes('verification key') || m.includes('jwks')) return 'verification_key';
      if (m.includes('expired')) return 'expired_token';
      return 'invalid_token';
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return 'expired_token';
    case 'IDPCommunicationError':
    case 'IDPCommunicationErrorException':
      return 'idp_communication';
    case 'IDPRejectedClaim':
    case 'IDPRejectedClaimException':
      return 'idp_rejected';
    case 'AccessDenied':
    case 'AccessDeniedException':
      return 'access_denied';
    case 'ValidationError':
    case 'InvalidParameterValue':
      return m.includes('durationseconds') || m.includes('maxsessionduration') ? 'duration_exceeds_max' : 'validation';
    case 'PackedPolicyTooLarge':
    case 'PackedPolicyTooLargeException':
      return 'packed_policy_too_large';
    case 'RegionDisabledException':
      return 'region_disabled';
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'UnrecognizedClientException':
      return 'invalid_credentials';
    default:
      return 'aws_error';
  }
}

type Explainer = (ctx: StsFailureContext, f: StsFailure) => Omit<StsExplanation, 'cause'>;

const EXPLAIN: Record<StsFailureCause, Explainer> = {
  no_provider: (ctx) => ({
    title: 'AWS has no OIDC identity provider for this issuer',
    detail: `InvalidIdentityToken: the account${accountOf(ctx.roleArn)} has no IAM OIDC identity provider for ${issuerText(ctx)}.`,
    fix: `Create the provider: run the provider step of the AWS setup wizard in Trustbridge (provider URL ${issuerText(ctx)}, audience ${ctx.audience}) in the role's account.`,
  }),
  incorrect_audience: (ctx) => ({
    title: 'The token’s audience is not a client ID of the provider',
    detail: `InvalidIdentityToken: incorrect token audience. The token's aud is "${ctx.audience}", which the IAM OIDC provider does not list as a client ID.`,
    fix: `Add "${ctx.audience}" to the provider's client IDs (audiences) — the AWS wizard's provider step — or choose an audience the provider lists for this credential.`,
  }),
  verification_key: (ctx) => ({
    title: 'AWS could not fetch the issuer’s signing keys',
    detail: `InvalidIdentityToken: AWS could not retrieve the verification key from ${jwksUrl(ctx)}. AWS fetches the keys over the internet.`,
    fix: 'PUBLIC_URL must be a public https URL without a port, reachable from the internet, with a certificate from a public CA (for a private CA, add its thumbprint to the provider).',
  }),
  invalid_token: (_ctx, f) => ({
    title: 'AWS rejected the ID token',
    detail: `InvalidIdentityToken: ${f.message || 'the token is not valid for this provider'}.`,
    fix: 'Check that the provider URL is exactly the token’s issuer and that the token is signed with a key published in the issuer’s JWKS (claim inspector: "would AWS STS accept this token").',
  }),
  expired_token: () => ({
    title: 'The ID token had expired when AWS checked it',
    detail: 'ExpiredToken: the token’s exp was in the past for AWS.',
    fix: 'Retry: a fresh token is minted on every attempt. If it keeps happening, the clock of the Trustbridge server is wrong (check NTP) or the token lifetime is too short for the path to AWS.',
  }),
  idp_communication: (ctx) => ({
    title: 'AWS could not reach the issuer',
    detail: `IDPCommunicationError: AWS could not reach ${jwksUrl(ctx)} to verify the token.`,
    fix: 'The issuer must be reachable from AWS: PUBLIC_URL must be a public https URL without a port, answering quickly. Retry if it was a transient outage.',
  }),
  idp_rejected: (_ctx, f) => ({
    title: 'The identity provider rejected the claim',
    detail: `IDPRejectedClaim: ${f.message || 'the provider reported that authentication failed'}.`,
    fix: 'Check the provider’s configuration in IAM (URL, client IDs, thumbprints) against the AWS wizard’s values.',
  }),
  access_denied: (ctx) => ({
    title: 'The role’s trust policy does not admit this environment',
    detail: `AccessDenied: not authorized to perform sts:AssumeRoleWithWebIdentity on ${ctx.roleArn}. AWS gives the same answer whichever condition failed, and when the role does not exist.`,
    fix: 'Check that the role exists and that its trust policy names this issuer’s provider and matches the token’s sub and aud (Test connection or the claim inspector in Trustbridge names the failing condition); with session tags on, the policy must also allow sts:TagSession.',
  }),
  duration_exceeds_max: (ctx) => ({
    title: 'The session duration is above the role’s maximum',
    detail: `ValidationError: DurationSeconds ${ctx.durationSeconds} exceeds the role's MaxSessionDuration.`,
    fix: 'Use a shorter duration (900 up to the role’s MaxSessionDuration; the default is 3600), or raise MaxSessionDuration on the role (up to 43200 seconds).',
  }),
  validation: (_ctx, f) => ({
    title: 'AWS refused a parameter of the request',
    detail: `ValidationError: ${f.message || 'a parameter is invalid'}.`,
    fix: 'The role ARN must be arn:aws:iam::<12 digits>:role/<name>, the duration 900–43200 seconds and the session name 2–64 characters of [A-Za-z0-9_+=,.@-].',
  }),
  packed_policy_too_large: () => ({
    title: 'The session tags are too large',
    detail: 'PackedPolicyTooLarge: the token’s session tags exceed what STS accepts.',
    fix: 'Turn off session tags in the issuer settings, or shorten project and environment slugs.',
  }),
  region_disabled: () => ({
    title: 'STS is not activated in this Region',
    detail: 'RegionDisabledException: the account has not activated STS in the Region that was called.',
    fix: 'Activate the Region’s STS endpoint in the IAM console (Account settings), or use another Region for this credential.',
  }),
  throttled: () => ({
    title: 'AWS throttled the request',
    detail: 'Throttling: too many STS requests in a short time.',
    fix: 'Retry after a short wait; avoid calling STS in tight loops (credential_process output can be cached until its Expiration).',
  }),
  invalid_credentials: (_ctx, f) => ({
    title: 'AWS did not accept the temporary credentials',
    detail: `${f.code}: ${f.message || 'the credentials were refused'}.`,
    fix: 'Retry; if it persists, the STS endpoint used is not the one that issued the credentials (check AWS_ENDPOINT_URL_STS and the Region).',
  }),
  unreachable: (ctx, f) => ({
    title: 'The AWS STS endpoint could not be reached',
    detail: `${f.code}: ${f.message || 'no answer'}${ctx.endpoint ? ` (endpoint ${ctx.endpoint})` : ''}.`,
    fix: 'Check network access to AWS STS (proxy, firewall, DNS) and AWS_ENDPOINT_URL_STS if it is set.',
  }),
  aws_error: (_ctx, f) => ({
    title: 'AWS STS failed',
    detail: `${f.code}${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}: ${f.message || 'no message'}.`,
    fix: 'Retry shortly; if it persists, check the AWS Health Dashboard.',
  }),
};

export function explainStsFailure(failure: StsFailure, context: StsFailureContext): StsExplanation {
  const cause = classify(failure);
  return { cause, ...EXPLAIN[cause](context, failure) };
}
