// Rules about operator choice (IAM Access Analyzer policy checks):
// - StringEquals compares literally, so `*`/`?` in its values are not wildcards;
// - StringLike without a wildcard works, but StringEquals says what is meant;
// - ForAllValues on a single-valued key is true when the key is missing ("It also returns true if
//   there are no context keys in the request"), and "Using condition set operators with
//   single-valued context keys can lead to overly permissive policies."
import { splitVariables } from '../policy-variables';
import { editStatement, moveEntry } from './edit';
import { conditionEntries, entryPath, keyIssuer, prefixesFor, stringValues, type EntryRef, type Finding, type LintContext } from './shared';

const SINGLE_VALUED = new Set(
  [
    'sts:RoleSessionName', 'sts:ExternalId', 'sts:SourceIdentity', 'aws:SourceIp', 'aws:SourceVpce', 'aws:SourceVpc', 'aws:PrincipalArn',
    'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalType', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:userid',
    'aws:username', 'aws:CurrentTime', 'aws:EpochTime', 'aws:SecureTransport', 'aws:TokenIssueTime', 'aws:FederatedProvider',
    'aws:RequestedRegion', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:ViaAWSService', 'aws:CalledViaFirst', 'aws:CalledViaLast',
  ].map((k) => k.toLowerCase()),
);
const SINGLE_VALUED_PREFIXES = ['aws:requesttag/', 'aws:principaltag/', 'aws:resourcetag/'];
const OIDC_SINGLE_CLAIMS = new Set(['sub', 'aud', 'azp', 'oaud', 'id', 'app_id', 'user_id']);

/** Known single-valued keys; a key of the statement's own issuer is single-valued unless it is `amr`. */
export function isSingleValuedKey(key: string, ownPrefixes: readonly string[] = []): boolean {
  const lower = key.toLowerCase();
  if (SINGLE_VALUED.has(lower) || SINGLE_VALUED_PREFIXES.some((p) => lower.startsWith(p))) return true;
  const k = keyIssuer(key);
  if (k === null) return false;
  const claim = k.claim.toLowerCase();
  if (ownPrefixes.some((p) => p.toLowerCase() === k.issuer.toLowerCase())) return claim !== 'amr';
  return OIDC_SINGLE_CLAIMS.has(claim);
}

function hasWildcardText(value: string, variablesEnabled: boolean): boolean {
  const pieces = variablesEnabled ? splitVariables(value) : [{ t: 'text' as const, s: value }];
  return pieces.some((p) => p.t === 'text' && /[*?]/.test(p.s));
}

function renamed(ref: EntryRef, base: string): string {
  const op = ref.op;
  if (!op) return base;
  return `${op.qualifier ? `${op.qualifier}:` : ''}${base}${op.ifExists ? 'IfExists' : ''}`;
}

export function operatorRules(ctx: LintContext): Finding[] {
  const { policy } = ctx;
  const variablesEnabled = policy.version === '2012-10-17';
  const out: Finding[] = [];
  policy.statements.forEach((s, i) => {
    const own = prefixesFor(s, ctx);
    for (const ref of conditionEntries(s)) {
      const op = ref.op;
      if (!op) continue;
      const values = stringValues(ref.entry);
      const path = entryPath(policy, i, ref);
      if ((op.base === 'StringEquals' || op.base === 'StringNotEquals') && values.some((v) => hasWildcardText(v, variablesEnabled))) {
        const to = renamed(ref, op.base === 'StringEquals' ? 'StringLike' : 'StringNotLike');
        const fixed = editStatement(policy, i, (t) => moveEntry(t, ref.block.operator, ref.entry.key, to));
        out.push({
          rule: 'wildcard-in-string-equals',
          severity: 'warning',
          message: `${ref.block.operator} compares literally: the "*" or "?" in ${values.map((v) => JSON.stringify(v)).join(', ')} is not a wildcard. Use ${to} for a pattern.`,
          path,
          ...(fixed ? { fix: { title: `Switch to ${to}`, policy: fixed } } : {}),
        });
      }
      if ((op.base === 'StringLike' || op.base === 'StringNotLike') && !values.some((v) => hasWildcardText(v, variablesEnabled))) {
        const to = renamed(ref, op.base === 'StringLike' ? 'StringEquals' : 'StringNotEquals');
        const fixed = editStatement(policy, i, (t) => moveEntry(t, ref.block.operator, ref.entry.key, to));
        out.push({
          rule: 'string-like-without-wildcard',
          severity: 'info',
          message: `${ref.block.operator} on ${ref.entry.key} has no wildcard; ${to} says the same thing more plainly.`,
          path,
          ...(fixed ? { fix: { title: `Switch to ${to}`, policy: fixed } } : {}),
        });
      }
      if (op.qualifier === 'ForAllValues' && isSingleValuedKey(ref.entry.key, own)) {
        const to = renamed({ ...ref, op: { ...op, qualifier: null } }, op.base);
        const fixed = editStatement(policy, i, (t) => moveEntry(t, ref.block.operator, ref.entry.key, to));
        out.push({
          rule: 'forallvalues-single-valued-key',
          severity: 'warning',
          message: `${ref.entry.key} is single-valued: ForAllValues is also true when the key is missing from the request, which makes this condition pass without checking anything. Use ${to}.`,
          path,
          ...(fixed ? { fix: { title: `Switch to ${to}`, policy: fixed } } : {}),
        });
      }
    }
  });
  return out;
}
