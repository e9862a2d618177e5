// Principal matching (IAM User Guide, "AWS JSON policy elements: Principal"):
// - `"Principal": "*"` and `{"AWS": "*"}` match every principal;
// - an AWS account (12 digits or `arn:aws:iam::<account>:root`) stands for principals of that account;
// - other values are compared exactly ("You cannot use a wildcard to match part of a principal name or ARN").
// The request names its principal by one string; its type is read from the string: IAM OIDC/SAML
// provider ARNs and the well-known web identity providers are `Federated`, other ARNs and account ids
// are `AWS`, 64 hex digits are `CanonicalUser`, DNS names are `Service`.
import type { PrincipalType, PrincipalValue } from '../model';

const PROVIDER_ARN = /^arn:[^:]+:iam::\d{12}:(?:oidc-provider|saml-provider)\/./;
const WEB_IDENTITY_PROVIDERS = new Set(['accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'cognito-identity.amazonaws.com']);
const ACCOUNT = /^\d{12}$/;
const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;

export function principalTypeOf(principal: string): PrincipalType {
  if (PROVIDER_ARN.test(principal) || WEB_IDENTITY_PROVIDERS.has(principal)) return 'Federated';
  if (ACCOUNT.test(principal) || principal.startsWith('arn:')) return 'AWS';
  if (/^[0-9a-f]{64}$/.test(principal)) return 'CanonicalUser';
  return 'Service';
}

export function accountOf(principal: string): string | null {
  if (ACCOUNT.test(principal)) return principal;
  if (!principal.startsWith('arn:')) return null;
  const parts = principal.split(':');
  const account = parts[4];
  return account !== undefined && ACCOUNT.test(account) ? account : null;
}

export interface CompiledPrincipal {
  any: boolean;
  awsAny: boolean;
  awsExact: Set<string>;
  awsAccounts: Set<string>;
  exact: Map<PrincipalType, Set<string>>;
  typeAny: Set<PrincipalType>;
  written: string;
}

export function compilePrincipal(value: PrincipalValue | undefined): CompiledPrincipal | null {
  if (!value || typeof value !== 'object') return null;
  const out: CompiledPrincipal = { any: false, awsAny: false, awsExact: new Set(), awsAccounts: new Set(), exact: new Map(), typeAny: new Set(), written: '' };
  if (value.kind === 'wildcard') {
    out.any = true;
    out.written = '"*"';
    return out;
  }
  const shown: string[] = [];
  const entries = Array.isArray(value.entries) ? value.entries : [];
  for (const entry of entries) {
    const values = Array.isArray(entry?.values?.values) ? entry.values.values : [];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      shown.push(`${entry.type} ${JSON.stringify(v)}`);
      if (v === '*') {
        if (entry.type === 'AWS') out.awsAny = true;
        else out.typeAny.add(entry.type);
        continue;
      }
      if (entry.type === 'AWS') {
        const root = ROOT.exec(v);
        if (ACCOUNT.test(v)) out.awsAccounts.add(v);
        else if (root?.[1]) out.awsAccounts.add(root[1]);
        else out.awsExact.add(v);
        continue;
      }
      let set = out.exact.get(entry.type);
      if (!set) out.exact.set(entry.type, (set = new Set()));
      set.add(v);
    }
  }
  out.written = shown.length > 0 ? shown.join(', ') : 'no principal';
  return out;
}

export function principalMatches(p: CompiledPrincipal, principal: string, type: PrincipalType): boolean {
  if (p.any || p.awsAny) return true;
  if (p.typeAny.has(type)) return true;
  if (type === 'AWS') {
    if (p.awsExact.has(principal)) return true;
    const account = p.awsAccounts.size > 0 ? accountOf(principal) : null;
    return account !== null && p.awsAccounts.has(account);
  }
  return p.exact.get(type)?.has(principal) ?? false;
}
