// What each header parameter and claim of an ID token means, and what AWS makes of it (IAM User
// Guide, "Available keys for AWS OIDC federation": a custom issuer contributes only
// `<provider>:sub`, `:aud`, `:azp` and `:amr`, where <provider> is the issuer URL without
// https://; "Passing session tags using AssumeRoleWithWebIdentity": the
// https://aws.amazon.com/tags claim becomes aws:RequestTag/<key>, aws:TagKeys and
// sts:TransitiveTagKeys). The condition keys come from the same derivation the evaluator uses.
import { deriveRequestFromClaims, issuerKeyPrefix, TAGS_CLAIM } from '../trust-policy';

export type ClaimKind = 'time' | 'identity' | 'trustbridge' | 'session-tags' | 'other';

export interface ClaimExplanation {
  name: string;
  value: unknown;
  kind: ClaimKind;
  meaning: string;
  /** Condition keys this claim becomes in the request STS evaluates (empty: invisible to trust policies). */
  awsKeys: string[];
}

/** Said once next to the explanations: why most claims have no condition key. */
export const INVISIBLE_CLAIMS_NOTE = 'AWS trust policies see only sub, aud, azp and amr of a custom issuer (plus session tags). To filter on anything else, put it in the subject template or turn on session tags.';

const MEANINGS: Record<string, { kind: ClaimKind; meaning: string }> = {
  iss: { kind: 'identity', meaning: 'Issuer: the OIDC provider URL. AWS looks for the IAM OIDC provider with exactly this URL and fetches its JWKS; condition keys are named after it.' },
  sub: { kind: 'identity', meaning: 'Subject: which environment the token stands for. The claim trust policies filter on.' },
  aud: { kind: 'identity', meaning: 'Audience: who the token is for. It must be one of the IAM OIDC provider’s client IDs (usually sts.amazonaws.com).' },
  azp: { kind: 'identity', meaning: 'Authorized party. When present, AWS uses it for the :aud key too.' },
  amr: { kind: 'identity', meaning: 'Authentication methods; a multivalued condition key (use ForAnyValue:/ForAllValues:).' },
  iat: { kind: 'time', meaning: 'Issued at.' },
  nbf: { kind: 'time', meaning: 'Not valid before this time.' },
  exp: { kind: 'time', meaning: 'Expires at this time; STS refuses it afterwards (ExpiredTokenException).' },
  jti: { kind: 'other', meaning: 'Token id, unique per token; Trustbridge audits each issuance by it.' },
  org_id: { kind: 'trustbridge', meaning: 'The organization’s immutable id.' },
  org_slug: { kind: 'trustbridge', meaning: 'The organization’s slug.' },
  project_id: { kind: 'trustbridge', meaning: 'The project’s id.' },
  project_slug: { kind: 'trustbridge', meaning: 'The project’s slug.' },
  environment_id: { kind: 'trustbridge', meaning: 'The environment’s id.' },
  environment_slug: { kind: 'trustbridge', meaning: 'The environment’s slug.' },
  environment_stage: { kind: 'trustbridge', meaning: 'The environment’s stage (development, staging, production).' },
  [TAGS_CLAIM]: {
    kind: 'session-tags',
    meaning: 'AWS session tags: each principal tag becomes aws:RequestTag/<key> (their keys aws:TagKeys, transitive ones sts:TransitiveTagKeys), and the role’s trust policy must also allow sts:TagSession.',
  },
};

const HEADER_MEANINGS: Record<string, string> = {
  alg: 'Signature algorithm. AWS STS accepts RS256/384/512 and ES256/384/512 only.',
  kid: 'Key id: which key of the issuer’s JWKS verifies the signature.',
  typ: 'Media type of the token (JWT).',
  cty: 'Content type; only used for nested tokens.',
  jku: 'A URL to fetch keys from. Refused: keys must come only from the issuer’s JWKS.',
  x5u: 'A URL to fetch a certificate from. Refused: keys must come only from the issuer’s JWKS.',
  jwk: 'A key embedded in the token itself. Refused: anyone could sign with their own key.',
  x5c: 'A certificate chain embedded in the token. Refused: keys must come only from the issuer’s JWKS.',
  crit: 'Extensions the verifier must understand. Refused: none are understood.',
};

/** Explanations of the header parameters, in the token's order. */
export function explainHeader(header: Record<string, unknown>): ClaimExplanation[] {
  return Object.keys(header).map((name) => ({ name, value: header[name], kind: 'other', meaning: HEADER_MEANINGS[name] ?? 'Not a standard header parameter; verifiers ignore it.', awsKeys: [] }));
}

/**
 * Explanations of the claims, in the token's order, each with the condition keys AWS derives from
 * it (none when `iss` is not a URL: AWS could not name a provider).
 */
export function explainClaims(claims: Record<string, unknown>): ClaimExplanation[] {
  const iss = typeof claims.iss === 'string' && /^https?:\/\/\S+$/i.test(claims.iss) ? claims.iss : null;
  const context = iss ? deriveRequestFromClaims(claims, { issuer: iss, accountId: '000000000000' }).context : {};
  const prefix = iss ? issuerKeyPrefix(iss) : null;
  const keys = Object.keys(context);
  const keysFor = (name: string): string[] => {
    if (prefix === null) return [];
    if (name === 'iss') return [`arn:aws:iam::<account>:oidc-provider/${prefix}`];
    if (name === TAGS_CLAIM) return keys.filter((k) => k.startsWith('aws:RequestTag/') || k === 'aws:TagKeys' || k === 'sts:TransitiveTagKeys');
    if (name === 'aud' && typeof claims.azp === 'string') return [];
    if (name === 'aud' || name === 'azp') return keys.filter((k) => k === `${prefix}:aud` || (name === 'azp' && k === `${prefix}:azp`));
    if (name === 'sub' || name === 'amr') return keys.filter((k) => k === `${prefix}:${name}`);
    return [];
  };
  return Object.keys(claims).map((name) => {
    const known = MEANINGS[name];
    return {
      name,
      value: claims[name],
      kind: known?.kind ?? 'other',
      meaning: known?.meaning ?? 'Not a claim Trustbridge issues.',
      awsKeys: keysFor(name),
    };
  });
}
