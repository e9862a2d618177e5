import { compactVerify, createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import { AWS_ACCEPTED_ALGORITHMS, AWS_MAX_TOKEN_LENGTH, decodeJwt } from '@/lib/domain/jwt';

// Our own ID-token verification (issue 3.7), used by the inspector and by tests. Every limit is
// explicit and always set — never jose's permissive defaults: the algorithm list, issuer,
// audience, required claims, maximum token age and maximum size. Before jose sees the token we
// reject what a verifier must never act on: embedded or remote key references (jwk, jku, x5u,
// x5c), `crit`, `alg: none`, unknown kids, malformed encodings, `exp` in milliseconds.

export type VerificationCode =
  | 'too_large'
  | 'malformed'
  | 'bad_encoding'
  | 'bad_header'
  | 'alg_not_allowed'
  | 'forbidden_header'
  | 'missing_kid'
  | 'unknown_kid'
  | 'signature_invalid'
  | 'missing_claim'
  | 'bad_claim'
  | 'exp_in_milliseconds'
  | 'expired'
  | 'not_yet_valid'
  | 'issued_in_future'
  | 'too_old'
  | 'issuer_mismatch'
  | 'audience_mismatch';

export interface VerifyOptions {
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string | string[];
  algorithms: readonly ('ES256' | 'ES384' | 'ES512' | 'RS256' | 'RS384' | 'RS512')[];
  requiredClaims: readonly string[];
  /** Seconds; tokens issued longer ago are refused. */
  maxTokenAgeSeconds: number;
  /** Characters of the compact token (AWS STS: 20000). */
  maxLength: number;
  /** Seconds of clock skew tolerated for exp/nbf/iat. */
  clockToleranceSeconds: number;
  now?: Date;
}

export type VerifyResult =
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; code: VerificationCode; message: string; header?: Record<string, unknown>; claims?: Record<string, unknown> };

const FORBIDDEN_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'crit'] as const;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

type Failure = Extract<VerifyResult, { ok: false }>;

// jose imports each JWK once per key set: callers that keep their JWKS object (the inspector keeps
// one per issuer-cache state) verify against the same key set without importing again.
const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();
function keySetOf(jwks: JSONWebKeySet): ReturnType<typeof createLocalJWKSet> {
  let set = keySets.get(jwks);
  if (!set) {
    set = createLocalJWKSet(jwks);
    keySets.set(jwks, set);
  }
  return set;
}
const fail = (code: VerificationCode, message: string, extra: { header?: Record<string, unknown>; claims?: Record<string, unknown> } = {}): Failure => ({ ok: false, code, message, ...extra });

function decodeSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Splits and decodes without verifying (for display); null when it is not a compact JWS. */
export function decodeUnverified(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | null {
  const decoded = decodeJwt(token);
  return decoded.ok ? { header: decoded.header, claims: decoded.claims } : null;
}

type KeyOptions = Pick<VerifyOptions, 'jwks' | 'algorithms' | 'maxLength'>;
type Prechecked = { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | Failure;

/** What a verifier must refuse before any cryptography: size, shape, algorithm, key references, kid. */
function precheck(token: string, options: KeyOptions): Prechecked {
  if (token.length > options.maxLength) return fail('too_large', `The token has ${token.length} characters; the limit is ${options.maxLength}.`);
  const parts = token.split('.');
  if (parts.length !== 3) return fail('malformed', `A signed JWT has 3 dot-separated parts; this has ${parts.length}.`);
  if (!parts.every((p) => p.length > 0 && BASE64URL.test(p))) return fail('bad_encoding', 'Every part must be non-empty base64url (A–Z, a–z, 0–9, -, _; no padding).');
  const header = decodeSegment(parts[0] ?? '');
  if (!header) return fail('bad_header', 'The header is not a base64url-encoded JSON object.');
  const claims = decodeSegment(parts[1] ?? '') ?? undefined;
  if (!claims) return fail('malformed', 'The payload is not a base64url-encoded JSON object.', { header });
  const alg = header.alg;
  if (typeof alg !== 'string' || !(options.algorithms as readonly string[]).includes(alg)) {
    return fail('alg_not_allowed', `Algorithm ${JSON.stringify(alg)} is not accepted; allowed: ${options.algorithms.join(', ')}.`, { header, claims });
  }
  for (const name of FORBIDDEN_HEADERS) {
    if (name in header) return fail('forbidden_header', `The header parameter "${name}" is not accepted: keys come only from the issuer's JWKS.`, { header, claims });
  }
  if (typeof header.kid !== 'string' || header.kid === '') return fail('missing_kid', 'The header has no kid, so no key of the issuer can be chosen.', { header, claims });
  const key = options.jwks.keys.find((k) => k.kid === header.kid);
  if (!key) return fail('unknown_kid', `No key with kid "${header.kid}" is published in the issuer's JWKS.`, { header, claims });
  if (key.alg !== undefined && key.alg !== alg) return fail('alg_not_allowed', `The key "${header.kid}" is for ${key.alg}, not ${alg}.`, { header, claims });
  return { ok: true, header, claims };
}

/**
 * The signature alone (the inspector reports it apart from the claims): the same refusals as
 * verifyIdToken before any cryptography, then the JWS signature against the published key.
 */
export async function verifySignature(token: string, options: KeyOptions): Promise<{ ok: true } | { ok: false; code: VerificationCode; message: string }> {
  const pre = precheck(token, options);
  if (!pre.ok) return { ok: false, code: pre.code, message: pre.message };
  try {
    await compactVerify(token, keySetOf(options.jwks), { algorithms: [...options.algorithms] });
    return { ok: true };
  } catch (error) {
    const [code, message] = mapJoseError(error);
    return { ok: false, code, message };
  }
}

export async function verifyIdToken(token: string, options: VerifyOptions): Promise<VerifyResult> {
  const pre = precheck(token, options);
  if (!pre.ok) return pre;
  const { header, claims } = pre;
  if (typeof claims.exp === 'number' && claims.exp > 1e11) return fail('exp_in_milliseconds', 'exp looks like milliseconds; JWT times are seconds since the epoch.', { header, claims });
  for (const name of options.requiredClaims) {
    if (claims[name] === undefined) return fail('missing_claim', `The claim "${name}" is required.`, { header, claims });
  }
  const now = options.now ?? new Date();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + options.clockToleranceSeconds) return fail('issued_in_future', 'iat is in the future.', { header, claims });
  try {
    const verified = await jwtVerify(token, keySetOf(options.jwks), {
      algorithms: [...options.algorithms],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: [...options.requiredClaims],
      maxTokenAge: options.maxTokenAgeSeconds,
      clockTolerance: options.clockToleranceSeconds,
      currentDate: now,
    });
    return { ok: true, header: { ...verified.protectedHeader }, claims: { ...verified.payload } };
  } catch (error) {
    return fail(...mapJoseError(error), { header, claims });
  }
}

function mapJoseError(error: unknown): [VerificationCode, string] {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return ['signature_invalid', 'The signature does not match the issuer key.'];
  if (error instanceof joseErrors.JWTExpired) {
    if (error.claim === 'iat') return ['too_old', 'The token was issued longer ago than the maximum token age.'];
    return ['expired', 'The token has expired (exp is in the past).'];
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = error.claim;
    const reason = error.reason;
    if (claim === 'iss') return ['issuer_mismatch', 'iss is not this issuer (compared exactly, including any trailing slash).'];
    if (claim === 'aud') return ['audience_mismatch', 'aud is not an accepted audience.'];
    if (claim === 'nbf') return ['not_yet_valid', 'nbf is in the future.'];
    if (claim === 'iat' && reason === 'check_failed') return ['too_old', 'The token was issued longer ago than the maximum token age.'];
    if (reason === 'missing') return ['missing_claim', `The claim "${claim}" is required.`];
    return ['bad_claim', `The claim "${claim}" is invalid.`];
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return ['alg_not_allowed', 'The algorithm is not accepted.'];
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) return ['unknown_kid', 'No single published key matches the token header.'];
  if (error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JWSInvalid) return ['malformed', 'The token is not a valid JWS/JWT.'];
  return ['malformed', 'The token could not be verified.'];
}

/** What AWS STS accepts from an OIDC issuer (AWS facts in PRODUCT.md; defined in lib/domain/jwt). */
export { AWS_ACCEPTED_ALGORITHMS, AWS_MAX_TOKEN_LENGTH };
