import 'server-only';
import type { JSONWebKeySet } from 'jose';
import {
  audienceCheck,
  AWS_ACCEPTED_ALGORITHMS,
  AWS_MAX_TOKEN_LENGTH,
  CLOCK_SKEW_SECONDS,
  decodeJwt,
  issuerCheck,
  kidCheck,
  orderChecks,
  REQUIRED_CLAIMS,
  signatureCheck,
  staticChecks,
  type CheckId,
  type SignatureOutcome,
  type TokenCheck,
} from '@/lib/domain/jwt';
import { TOKEN_LIFETIME_MAX_SECONDS } from '@/lib/domain/claims/id-token-claims';
import type { TInspectResult } from '@/lib/schemas/inspector';
import { notFound } from '../errors';
import { getIssuerState, type IssuerState } from '../oidc/issuer-cache';
import { verifyIdToken, verifySignature, type VerificationCode } from '../security/verify-id-token';
import { listRecordedProviders } from './recorded-providers';

// POST /api/v1/tokens/inspect: every check STS makes, each reported on its own with a stable id
// (lib/domain/jwt/token-checks.ts), against this organization only — its issuer, its published
// keys (from the issuer cache, never a URL named by the token: no jku/x5u fetches, no SSRF), its
// allowed audiences and its recorded IAM OIDC providers. Another organization's token is "not
// issued by this organization", and nothing about that organization is looked up. Finally the
// strict verification helper must agree: a token passes only if verifyIdToken accepts it too.

const jwksCache = new WeakMap<IssuerState, JSONWebKeySet>();

function jwksOf(state: IssuerState): JSONWebKeySet {
  let jwks = jwksCache.get(state);
  if (!jwks) {
    jwks = JSON.parse(state.jwksBody.toString('utf8')) as JSONWebKeySet;
    jwksCache.set(state, jwks);
  }
  return jwks;
}

/** Which check a refusal of the strict helper belongs to. */
const CHECK_OF: Record<VerificationCode, CheckId> = {
  too_large: 'size',
  malformed: 'structure',
  bad_encoding: 'structure',
  bad_header: 'structure',
  alg_not_allowed: 'algorithm',
  forbidden_header: 'forbidden_headers',
  missing_kid: 'kid',
  unknown_kid: 'kid',
  signature_invalid: 'signature',
  missing_claim: 'required_claims',
  bad_claim: 'required_claims',
  exp_in_milliseconds: 'expiry',
  expired: 'expiry',
  not_yet_valid: 'not_before',
  issued_in_future: 'issued_at',
  too_old: 'issued_at',
  issuer_mismatch: 'issuer',
  audience_mismatch: 'audience',
};

export async function inspectToken(orgId: string, input: string, now = new Date()): Promise<TInspectResult> {
  const state = await getIssuerState(orgId, now);
  if (!state) throw notFound('organization');
  const token = input.trim();
  const seconds = Math.floor(now.getTime() / 1000);
  const decoded = decodeJwt(token);
  const jwks = jwksOf(state);
  const checks: Record<CheckId, TokenCheck> = {
    ...staticChecks(token, decoded, seconds),
    issuer: issuerCheck(decoded, state.issuer),
    kid: kidCheck(decoded, jwks.keys.flatMap((k) => (typeof k.kid === 'string' ? [{ kid: k.kid, alg: k.alg }] : []))),
    signature: signatureCheck({ skipped: 'the algorithm, header or key is not acceptable (see those checks).' }),
    audience: audienceCheck(decoded, state.settings.audiences, decoded.ok ? await listRecordedProviders(orgId, state.issuer) : []),
  };
  if (checks.structure.ok && checks.algorithm.ok && checks.forbidden_headers.ok && checks.kid.ok) {
    const verified = await verifySignature(token, { jwks, algorithms: AWS_ACCEPTED_ALGORITHMS, maxLength: Number.MAX_SAFE_INTEGER });
    const outcome: SignatureOutcome = verified.ok ? { verified: true } : { verified: false, message: verified.message };
    checks.signature = signatureCheck(outcome);
  }
  const list = orderChecks(checks);
  if (list.every((c) => c.ok)) {
    // Belt and braces: the strict helper decides too; if it refuses, the check it names fails.
    const strict = await verifyIdToken(token, {
      jwks,
      issuer: state.issuer,
      audience: state.settings.audiences,
      algorithms: AWS_ACCEPTED_ALGORITHMS,
      requiredClaims: REQUIRED_CLAIMS,
      maxTokenAgeSeconds: TOKEN_LIFETIME_MAX_SECONDS + CLOCK_SKEW_SECONDS,
      maxLength: AWS_MAX_TOKEN_LENGTH,
      clockToleranceSeconds: CLOCK_SKEW_SECONDS,
      now,
    });
    if (!strict.ok) {
      const id = CHECK_OF[strict.code];
      checks[id] = { id, ok: false, message: strict.message, fix: 'Use the token exactly as Trustbridge issued it, while it is valid.' };
    }
  }
  const ordered = orderChecks(checks);
  return {
    ok: ordered.every((c) => c.ok),
    issuer: state.issuer,
    header: decoded.ok ? decoded.header : (decoded.header ?? null),
    claims: decoded.ok ? decoded.claims : null,
    checks: ordered,
  };
}
