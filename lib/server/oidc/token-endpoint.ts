import 'server-only';
import { buildIdTokenClaims } from '@/lib/domain/claims/id-token-claims';
import { ZTokenRequest } from '@/lib/schemas/issuer';
import { authenticated, bearerToken } from '../auth/require-environment';
import { authenticateEnvironmentToken } from '../environment-tokens/authenticate-environment-token';
import { getConfig } from '../env';
import { randomFromPool } from '../security/random-pool';
import { failureResponse, jsonResponse, type HandlerResponse } from './handler-response';
import { issuanceAudit } from './issuance-audit';
import { cachedIssuerState, getIssuerState } from './issuer-cache';
import { createRateLimiter } from './rate-limit';

// POST /api/v1/idp/token — an environment trades its environment token for a signed ID token.
// Pipeline of small checks, each failing with its own code:
//   bearer credential → body {audience?} → environment token (cached ≤ 2 s) → rate limit per
//   environment → the org's issuer state (cached ≤ 2 s) → audience allowed → claims + signature
//   → audit row committed (group commit) → 200 {token, expiresAt}.
// Fails closed: if the database cannot confirm the caller or record the issuance, no token (503).

export const TOKEN_BODY_LIMIT = 4 * 1024;

export interface TokenRequest {
  authorization: string | null;
  contentType: string | null;
  body: Buffer;
  requestId: string | null;
  ipAddress: string | null;
}

class Refusal {
  constructor(readonly response: HandlerResponse) {}
}

function refuse(status: number, code: string, message: string, headers: Record<string, string> = {}): never {
  throw new Refusal(jsonResponse(status, { error: { code, message } }, headers));
}

function requestedAudience(contentType: string | null, body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  if (!contentType || !/^application\/json\b/i.test(contentType)) refuse(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    refuse(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = ZTokenRequest.safeParse(value);
  if (!parsed.success) refuse(400, 'invalid_request', 'The body may only contain "audience", a non-empty string of at most 255 printable characters.');
  return parsed.data.audience;
}

const holder = globalThis as { __trustbridgeTokenLimiter?: ReturnType<typeof createRateLimiter> };

function rateLimit(environmentId: string): void {
  holder.__trustbridgeTokenLimiter ??= createRateLimiter(getConfig().tokenRateLimit);
  const wait = holder.__trustbridgeTokenLimiter.take(environmentId);
  if (wait > 0) refuse(429, 'rate_limited', 'Too many ID token requests for this environment. Retry after the time in the Retry-After header.', { 'Retry-After': String(Math.max(1, Math.ceil(wait))) });
}

export async function handleTokenRequest(request: TokenRequest): Promise<HandlerResponse> {
  try {
    const token = bearerToken(request.authorization);
    if (request.body.length > TOKEN_BODY_LIMIT) refuse(413, 'payload_too_large', `The request body is limited to ${TOKEN_BODY_LIMIT} bytes.`);
    const audienceWanted = requestedAudience(request.contentType, request.body);
    const auth = authenticateEnvironmentToken(token);
    const principal = authenticated(auth instanceof Promise ? await auth : auth);
    rateLimit(principal.environmentId);
    const issuer = cachedIssuerState(principal.orgId) ?? (await getIssuerState(principal.orgId));
    if (!issuer?.signer) refuse(503, 'no_signing_key', 'This organization has no active signing key. An admin can rotate keys in the issuer settings.', { 'Retry-After': '5' });
    const audience = audienceWanted ?? issuer.settings.audiences[0] ?? 'sts.amazonaws.com';
    if (!issuer.settings.audiences.includes(audience)) {
      refuse(400, 'audience_not_allowed', `The audience "${audience}" is not allowed for this organization. Allowed: ${issuer.settings.audiences.join(', ')}.`);
    }
    const nowMs = Date.now();
    const now = Math.floor(nowMs / 1000);
    const jti = randomFromPool(16).toString('base64url');
    const claims = buildIdTokenClaims(principal, {
      issuer: issuer.issuer,
      audience,
      now,
      lifetimeSeconds: issuer.settings.tokenLifetimeSeconds,
      jti,
      subjectTemplate: issuer.settings.subjectTemplate,
      sessionTags: issuer.settings.sessionTags,
    });
    const signed = issuer.signer.sign(claims);
    const expiresAt = new Date(claims.exp * 1000);
    await issuanceAudit().enqueue({
      orgId: principal.orgId,
      environmentId: principal.environmentId,
      environmentLabel: `${principal.projectSlug}/${principal.environmentSlug}`,
      tokenId: principal.tokenId,
      jti,
      audience,
      kid: issuer.signer.kid,
      issuedAt: new Date(now * 1000),
      expiresAt,
      requestId: request.requestId,
      ipAddress: request.ipAddress,
    });
    return jsonResponse(200, { token: signed, expiresAt: expiresAt.toISOString() });
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    return failureResponse(error, 'token endpoint', request.requestId, 'Trustbridge cannot reach its database, so it cannot issue tokens right now. Retry shortly.');
  }
}
