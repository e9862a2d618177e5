// Drift: the record (what this organization wants) against what IAM returns. Pure; the server reads
// AWS and calls these. A resource gone from AWS is one difference, never an error.
import { comparePolicies, decodePolicyDocument, type Difference } from './policy-compare';

export type { Difference } from './policy-compare';

export interface ProviderWanted {
  arn: string;
  issuerUrl: string;
  audiences: readonly string[];
  thumbprints: readonly string[];
}

/** GetOpenIDConnectProvider's answer (Url comes back without https://). */
export interface ProviderInAws {
  url: string;
  clientIds: readonly string[];
  thumbprints: readonly string[];
}

export interface RoleWanted {
  arn: string;
  path: string;
  description: string;
  maxSessionDuration: number;
  /** IAM JSON text. */
  trustPolicy: string;
  managedPolicyArns: readonly string[];
}

/** GetRole + ListAttachedRolePolicies, same fields; `trustPolicy` as IAM returns it (URL-encoded) or decoded. */
export type RoleInAws = RoleWanted;

const sorted = (values: readonly string[]) => [...new Set(values)].sort();
const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const withoutScheme = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');

function setDifference(path: string, what: string, ours: readonly string[], aws: readonly string[]): Difference[] {
  if (sameSet(ours, aws)) return [];
  const extra = sorted(aws).filter((v) => !ours.includes(v));
  const missing = sorted(ours).filter((v) => !aws.includes(v));
  const parts = [missing.length > 0 ? `missing in AWS: ${missing.join(', ')}` : '', extra.length > 0 ? `only in AWS: ${extra.join(', ')}` : ''].filter(Boolean);
  return [{ path, ours: sorted(ours), aws: sorted(aws), message: `The ${what} differ (${parts.join('; ')}).` }];
}

export function compareProvider(wanted: ProviderWanted, aws: ProviderInAws | null): Difference[] {
  if (aws === null) return [{ path: 'provider', ours: wanted.arn, aws: null, message: 'The OIDC provider does not exist in AWS.' }];
  const out: Difference[] = [];
  if (withoutScheme(wanted.issuerUrl) !== withoutScheme(aws.url)) out.push({ path: 'url', ours: wanted.issuerUrl, aws: aws.url, message: 'The provider URL differs.' });
  out.push(...setDifference('audiences', 'client IDs (audiences)', wanted.audiences, aws.clientIds));
  // IAM computes a thumbprint itself when none is given (and now validates the JWKS certificate
  // against trusted CAs), so AWS's list only counts when the record pins thumbprints.
  if (wanted.thumbprints.length > 0) {
    out.push(...setDifference('thumbprints', 'thumbprints', wanted.thumbprints.map((t) => t.toLowerCase()), aws.thumbprints.map((t) => t.toLowerCase())));
  }
  return out;
}

export function compareRole(wanted: RoleWanted, aws: RoleInAws | null): Difference[] {
  if (aws === null) return [{ path: 'role', ours: wanted.arn, aws: null, message: 'The role does not exist in AWS.' }];
  const out: Difference[] = [];
  if (wanted.path !== aws.path) out.push({ path: 'path', ours: wanted.path, aws: aws.path, message: 'The role path differs (IAM cannot change it: the role would have to be recreated).' });
  if (wanted.maxSessionDuration !== aws.maxSessionDuration) out.push({ path: 'maxSessionDuration', ours: wanted.maxSessionDuration, aws: aws.maxSessionDuration, message: 'MaxSessionDuration differs.' });
  if (wanted.description !== aws.description) out.push({ path: 'description', ours: wanted.description, aws: aws.description, message: 'The description differs.' });
  out.push(...comparePolicies(decodePolicyDocument(wanted.trustPolicy), decodePolicyDocument(aws.trustPolicy), 'trustPolicy'));
  out.push(...setDifference('managedPolicyArns', 'attached managed policies', wanted.managedPolicyArns, aws.managedPolicyArns));
  return out;
}
