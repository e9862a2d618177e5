// The checks "would AWS STS accept this token" (PRODUCT.md "AWS facts"; STS API Reference,
// AssumeRoleWithWebIdentity; IAM User Guide, "Create an OpenID Connect (OIDC) identity provider"):
// a compact JWS of at most 20000 characters, signed with RS256/384/512 or ES256/384/512 by a key
// the issuer publishes, `iss` an issuer AWS has a provider for, `aud` one of that provider's client
// IDs, and valid times. Each check has a stable id (clients and the CLI rely on them); a check
// that cannot run because an earlier part is unreadable is reported as failed and `skipped`.
// Pure: the server adds the facts only it has (this organization's issuer, JWKS, audiences,
// recorded providers, the signature verdict) through the functions below.
import { WEB_IDENTITY_TOKEN_MAX } from '../aws/limits';
import type { DecodeResult } from './decode-jwt';

export const CHECK_IDS = [
  'structure',
  'size',
  'algorithm',
  'forbidden_headers',
  'duplicate_keys',
  'issuer',
  'kid',
  'signature',
  'audience',
  'expiry',
  'not_before',
  'issued_at',
  'required_claims',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface TokenCheck {
  id: CheckId;
  ok: boolean;
  message: string;
  /** What to do about a failure, in one sentence. */
  fix?: string;
  /** True when the check could not run (an earlier part of the token is unreadable). */
  skipped?: boolean;
}

/** What AWS STS accepts from an OIDC issuer; names are case-sensitive (RFC 7518 §3.1). */
export const AWS_ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type AwsAlgorithm = (typeof AWS_ACCEPTED_ALGORITHMS)[number];
export const AWS_MAX_TOKEN_LENGTH = WEB_IDENTITY_TOKEN_MAX;
/** Header parameters that point a verifier at keys other than the issuer's JWKS (RFC 7515 §4.1), and `crit`. */
export const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'crit'] as const;
export const REQUIRED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat'] as const;
/** Clock skew tolerated for exp, nbf and iat. */
export const CLOCK_SKEW_SECONDS = 5;
/** Above this a NumericDate is taken for milliseconds (1e11 s is the year 5138). */
export const MILLISECONDS_THRESHOLD = 1e11;

const ok = (id: CheckId, message: string): TokenCheck => ({ id, ok: true, message });
const bad = (id: CheckId, message: string, fix?: string): TokenCheck => ({ id, ok: false, message, ...(fix ? { fix } : {}) });
const skipped = (id: CheckId, why: string): TokenCheck => ({ id, ok: false, skipped: true, message: `Not checked: ${why}` });

const shown = (v: unknown, max = 80): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > max ? `${text.slice(0, max)}…` : text;
};
const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const FRESH_TOKEN = 'Get a fresh token (trustbridge idp token in the environment, or mint one here).';

function unreadable(decoded: DecodeResult, part: 'header' | 'payload'): string | null {
  if (decoded.ok) return null;
  if (part === 'header' && decoded.header) return null;
  return part === 'header' ? 'the header cannot be decoded.' : 'the payload cannot be decoded.';
}

export function structureCheck(decoded: DecodeResult): TokenCheck {
  if (!decoded.ok) return bad('structure', decoded.error.message, 'Paste the whole token: three base64url parts separated by dots, with nothing added or cut off.');
  if (decoded.signatureProblem) return bad('structure', decoded.signatureProblem, 'STS only accepts signed tokens; use the token exactly as Trustbridge issued it.');
  return ok('structure', 'A compact signed JWT: three base64url parts; header and payload are JSON objects.');
}

export function sizeCheck(length: number): TokenCheck {
  if (length > AWS_MAX_TOKEN_LENGTH) {
    return bad('size', `The token has ${length} characters; AWS STS accepts at most ${AWS_MAX_TOKEN_LENGTH}.`, 'Fewer or shorter claims (session tags and long slugs add up).');
  }
  return ok('size', `${length} characters (AWS STS accepts at most ${AWS_MAX_TOKEN_LENGTH}).`);
}

export function algorithmCheck(decoded: DecodeResult): TokenCheck {
  const why = unreadable(decoded, 'header');
  const header = decoded.ok ? decoded.header : decoded.header;
  if (why || !header) return skipped('algorithm', why ?? 'the header cannot be decoded.');
  const alg = header.alg;
  if (typeof alg !== 'string') return bad('algorithm', `The header has no "alg" string (found ${shown(alg)}).`, 'Trustbridge signs with ES256 or RS256.');
  if ((AWS_ACCEPTED_ALGORITHMS as readonly string[]).includes(alg)) return ok('algorithm', `${alg} is accepted by AWS STS.`);
  const sameLetters = AWS_ACCEPTED_ALGORITHMS.find((a) => a.toLowerCase() === alg.toLowerCase());
  if (sameLetters) return bad('algorithm', `"${alg}" is not "${sameLetters}": algorithm names are case-sensitive.`, `Use "${sameLetters}" exactly.`);
  const reason =
    alg.toLowerCase() === 'none'
      ? 'an unsigned token'
      : /^HS/i.test(alg)
        ? 'a shared-secret MAC, which anyone holding the key material could forge'
        : /^PS/i.test(alg)
          ? 'RSA-PSS, which AWS STS does not accept'
          : /^EdDSA$/i.test(alg)
            ? 'EdDSA, which AWS STS does not accept'
            : 'not an algorithm AWS STS accepts';
  return bad('algorithm', `${shown(alg, 40)} is ${reason}. AWS STS accepts ${AWS_ACCEPTED_ALGORITHMS.join(', ')}.`, 'Trustbridge signs with ES256 or RS256; use a token it issued.');
}

export function forbiddenHeadersCheck(decoded: DecodeResult): TokenCheck {
  const header = decoded.ok ? decoded.header : decoded.header;
  if (!header) return skipped('forbidden_headers', 'the header cannot be decoded.');
  const found = FORBIDDEN_HEADERS.filter((name) => has(header, name));
  if (found.length > 0) {
    return bad(
      'forbidden_headers',
      `The header carries ${found.map((n) => `"${n}"`).join(', ')}: keys must come only from the issuer's published JWKS, and "crit" extensions are not understood. Such a token is refused.`,
      'Remove those header parameters; Trustbridge never sets them.',
    );
  }
  return ok('forbidden_headers', 'No jku, x5u, jwk, x5c or crit header: the key can only come from the issuer’s JWKS.');
}

export function duplicateKeysCheck(decoded: DecodeResult): TokenCheck {
  if (!decoded.ok) return skipped('duplicate_keys', decoded.header ? 'the payload cannot be decoded.' : 'the token cannot be decoded.');
  if (decoded.duplicateKeys.length > 0) {
    const list = decoded.duplicateKeys.slice(0, 5).map((d) => `"${d.key}" in the ${d.segment}${d.path === '$' ? '' : ` at ${d.path}`}`);
    return bad('duplicate_keys', `Duplicate JSON member names: ${list.join(', ')}. Readers disagree on which value counts, so such a token is refused.`, 'Each claim and header parameter once.');
  }
  return ok('duplicate_keys', 'Every member name appears once in the header and the payload.');
}

type TimeCheck = { value: number } | { check: TokenCheck };

function numericDate(id: CheckId, claims: Record<string, unknown>, name: 'exp' | 'nbf' | 'iat', label: string): TimeCheck | null {
  if (!has(claims, name)) return null;
  const v = claims[name];
  if (typeof v !== 'number') return { check: bad(id, `${name} is ${shown(v, 40)}, not a number of seconds since 1970 (NumericDate).`, FRESH_TOKEN) };
  if (!Number.isFinite(v)) return { check: bad(id, `${name} is not a finite number.`, FRESH_TOKEN) };
  if (Math.abs(v) > MILLISECONDS_THRESHOLD) return { check: bad(id, `${name} is ${v}: that looks like milliseconds; ${label} must be in seconds since 1970.`, 'JWT times are seconds, not milliseconds.') };
  return { value: v };
}

function ago(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

export function expiryCheck(decoded: DecodeResult, now: number): TokenCheck {
  if (!decoded.ok) return skipped('expiry', 'the payload cannot be decoded.');
  const exp = numericDate('expiry', decoded.claims, 'exp', 'exp');
  if (exp === null) return bad('expiry', 'The token has no exp claim; AWS STS requires an expiry.', FRESH_TOKEN);
  if ('check' in exp) return exp.check;
  if (exp.value <= now - CLOCK_SKEW_SECONDS) return bad('expiry', `Expired ${ago(now - exp.value)} ago (exp ${iso(exp.value)}); STS answers ExpiredTokenException.`, FRESH_TOKEN);
  return ok('expiry', `Valid for another ${ago(exp.value - now)} (exp ${iso(exp.value)}).`);
}

export function notBeforeCheck(decoded: DecodeResult, now: number): TokenCheck {
  if (!decoded.ok) return skipped('not_before', 'the payload cannot be decoded.');
  const nbf = numericDate('not_before', decoded.claims, 'nbf', 'nbf');
  if (nbf === null) return ok('not_before', 'No nbf claim (optional).');
  if ('check' in nbf) return nbf.check;
  if (nbf.value > now + CLOCK_SKEW_SECONDS) return bad('not_before', `Not valid before ${iso(nbf.value)}, ${ago(nbf.value - now)} from now.`, 'Wait until then, or check the issuing server’s clock.');
  return ok('not_before', `Valid since ${iso(nbf.value)}.`);
}

export function issuedAtCheck(decoded: DecodeResult, now: number): TokenCheck {
  if (!decoded.ok) return skipped('issued_at', 'the payload cannot be decoded.');
  const iat = numericDate('issued_at', decoded.claims, 'iat', 'iat');
  if (iat === null) return bad('issued_at', 'The token has no iat claim.', FRESH_TOKEN);
  if ('check' in iat) return iat.check;
  if (iat.value > now + CLOCK_SKEW_SECONDS) return bad('issued_at', `Issued in the future (iat ${iso(iat.value)}, ${ago(iat.value - now)} from now).`, 'Check the issuing server’s clock.');
  const exp = decoded.claims.exp;
  if (typeof exp === 'number' && Number.isFinite(exp) && exp < iat.value) return bad('issued_at', `iat (${iso(iat.value)}) is after exp (${iso(exp)}).`, FRESH_TOKEN);
  return ok('issued_at', `Issued ${ago(now - iat.value)} ago (${iso(iat.value)}).`);
}

export function requiredClaimsCheck(decoded: DecodeResult): TokenCheck {
  if (!decoded.ok) return skipped('required_claims', 'the payload cannot be decoded.');
  const c = decoded.claims;
  const problems: string[] = [];
  for (const name of REQUIRED_CLAIMS) if (!has(c, name)) problems.push(`${name} is missing`);
  if (has(c, 'iss') && (typeof c.iss !== 'string' || c.iss === '')) problems.push('iss is not a non-empty string');
  if (has(c, 'sub') && (typeof c.sub !== 'string' || c.sub === '')) problems.push('sub is not a non-empty string');
  if (has(c, 'aud') && !(typeof c.aud === 'string' && c.aud !== '') && !(Array.isArray(c.aud) && c.aud.length > 0 && c.aud.every((a) => typeof a === 'string'))) {
    problems.push('aud is neither a string nor a list of strings');
  }
  if (problems.length > 0) return bad('required_claims', `${problems.join('; ')}. A token for AWS needs ${REQUIRED_CLAIMS.join(', ')}.`, FRESH_TOKEN);
  return ok('required_claims', `${REQUIRED_CLAIMS.join(', ')} are present.`);
}

export function issuerCheck(decoded: DecodeResult, issuer: string): TokenCheck {
  if (!decoded.ok) return skipped('issuer', 'the payload cannot be decoded.');
  const iss = decoded.claims.iss;
  if (typeof iss !== 'string' || iss === '') return bad('issuer', 'The token has no iss claim, so AWS cannot tell which OIDC provider it is for.', FRESH_TOKEN);
  if (iss === issuer) return ok('issuer', `Issued by this organization (${issuer}).`);
  const nearly = iss.replace(/\/+$/, '') === issuer.replace(/\/+$/, '');
  return bad(
    'issuer',
    nearly
      ? `iss is ${shown(iss)}, which differs from this organization's issuer ${JSON.stringify(issuer)} only by a trailing slash; AWS compares the URL exactly.`
      : `Not issued by this organization: iss is ${shown(iss)}; this organization's issuer is ${JSON.stringify(issuer)}.`,
    'Inspect a token issued by one of this organization’s environments.',
  );
}

export interface PublishedKey {
  kid: string;
  alg?: string | undefined;
}

export function kidCheck(decoded: DecodeResult, published: readonly PublishedKey[]): TokenCheck {
  const header = decoded.ok ? decoded.header : decoded.header;
  if (!header) return skipped('kid', 'the header cannot be decoded.');
  const kid = header.kid;
  if (typeof kid !== 'string' || kid === '') return bad('kid', 'The header has no "kid", so no published key can be chosen.', FRESH_TOKEN);
  const key = published.find((k) => k.kid === kid);
  if (!key) {
    return bad('kid', `No key with kid ${shown(kid, 60)} is published in this organization's JWKS.`, 'A token signed by a removed or revoked key cannot be verified anymore; get a fresh token.');
  }
  if (key.alg !== undefined && typeof header.alg === 'string' && key.alg !== header.alg) {
    return bad('kid', `The published key ${shown(kid, 60)} is for ${key.alg}, but the header says ${shown(header.alg, 20)}.`, FRESH_TOKEN);
  }
  return ok('kid', `The key ${kid} is published in this organization's JWKS.`);
}

export type SignatureOutcome = { verified: true } | { verified: false; message: string } | { skipped: string };

export function signatureCheck(outcome: SignatureOutcome): TokenCheck {
  if ('skipped' in outcome) return skipped('signature', outcome.skipped);
  if (outcome.verified) return ok('signature', 'The signature verifies with the published key.');
  return bad('signature', outcome.message, 'The token was changed after it was signed, or signed by someone else; use it exactly as issued.');
}

export interface RecordedProvider {
  arn: string;
  audiences: readonly string[];
}

export function audienceCheck(decoded: DecodeResult, allowed: readonly string[], providers: readonly RecordedProvider[]): TokenCheck {
  if (!decoded.ok) return skipped('audience', 'the payload cannot be decoded.');
  const c = decoded.claims;
  const auds = typeof c.aud === 'string' ? [c.aud] : Array.isArray(c.aud) ? c.aud.filter((a): a is string => typeof a === 'string') : [];
  if (auds.length === 0) return bad('audience', 'The token has no aud claim; AWS compares it with the client IDs of the IAM OIDC provider.', FRESH_TOKEN);
  const aud = auds.find((a) => allowed.includes(a));
  if (aud === undefined) {
    return bad('audience', `aud ${shown(c.aud)} is not one of this organization's allowed audiences (${allowed.join(', ')}).`, `Request the token for ${allowed[0] ?? 'sts.amazonaws.com'} (trustbridge idp token --audience …), or add the audience in the issuer settings.`);
  }
  if (providers.length === 0) return ok('audience', `"${aud}" is an allowed audience. No IAM OIDC provider is recorded yet, so its client IDs were not compared.`);
  const accepting = providers.filter((p) => p.audiences.includes(aud));
  const refusing = providers.filter((p) => !p.audiences.includes(aud));
  if (accepting.length === 0) {
    return bad('audience', `"${aud}" is not a client ID of the recorded IAM OIDC provider${providers.length > 1 ? 's' : ''} (${providers.map((p) => p.arn).join(', ')}); STS answers InvalidIdentityToken: incorrect token audience.`, `Add "${aud}" to the provider's client IDs (AWS setup), or request the token for one of them.`);
  }
  const note = refusing.length > 0 ? ` It is not a client ID of ${refusing.map((p) => p.arn).join(', ')}.` : '';
  return ok('audience', `"${aud}" is an allowed audience and a client ID of ${accepting.map((p) => p.arn).join(', ')}.${note}`);
}

/** The checks in their stable order; `all` must hold one check per id. */
export function orderChecks(all: Record<CheckId, TokenCheck>): TokenCheck[] {
  return CHECK_IDS.map((id) => all[id]);
}

/** The checks that need no key material or organization: everything decoding and the clock can tell. */
export function staticChecks(token: string, decoded: DecodeResult, now: number) {
  return {
    structure: structureCheck(decoded),
    size: sizeCheck(token.trim().length),
    algorithm: algorithmCheck(decoded),
    forbidden_headers: forbiddenHeadersCheck(decoded),
    duplicate_keys: duplicateKeysCheck(decoded),
    expiry: expiryCheck(decoded, now),
    not_before: notBeforeCheck(decoded, now),
    issued_at: issuedAtCheck(decoded, now),
    required_claims: requiredClaimsCheck(decoded),
  } satisfies Partial<Record<CheckId, TokenCheck>>;
}

