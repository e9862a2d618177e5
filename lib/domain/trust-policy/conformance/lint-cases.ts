// Lint conformance: who a role trust policy lets in, judged the way IAM Access Analyzer judges it.
// Each case names the AWS documentation sentence that decides it; conformance.test.ts lints the
// policy with this organization's issuer and expects exactly these rules (none: an all-clear).
import type { LintOptions, LintRule, Severity } from '../lint-policy';
import { QUOTE, URL } from './sources';

export interface LintConformanceCase {
  name: string;
  policy: Record<string, unknown>;
  options: LintOptions;
  /** Every rule the linter must report, with its severity; empty means no finding at all. */
  expected: Array<{ rule: LintRule; severity: Severity }>;
  source: { url: string; quote: string };
}

const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${P}`;
const OPTIONS: LintOptions = { issuer: `https://${P}`, orgId: 'org_abc' };
const WEB = 'sts:AssumeRoleWithWebIdentity';
const CHECKS = { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'org:org_abc:*' } };

type Json = Record<string, unknown>;

/** The statement Trustbridge's builder writes: this organization's provider, aud and an anchored sub. */
const GOOD: Json = { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: WEB, Condition: CHECKS };

function policy(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements };
}

function l(name: string, policyJson: Json, expected: Array<[LintRule, Severity]>, url: string, quote: string, options: LintOptions = OPTIONS): LintConformanceCase {
  return { name, policy: policyJson, options, expected: expected.map(([rule, severity]) => ({ rule, severity })), source: { url, quote } };
}

export const LINT_CONFORMANCE_CASES: LintConformanceCase[] = [
  l('only this organization’s provider, with aud and an anchored sub: no finding', policy(GOOD), [], URL.principal, QUOTE.principalWebIdentityTrusted),
  l('a Deny statement for everyone is not access', policy(GOOD, { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { StringEquals: { [`${P}:sub`]: 'org:org_abc:project:web:environment:dev' } } }), [], URL.evaluation, QUOTE.explicitDeny),

  // Public principals: an error, whatever the Condition says.
  l('{"AWS": "*"} with sts:AssumeRole is public', policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), [['public-principal', 'error'], ['provider-not-trusted', 'error']], URL.principal, QUOTE.principalPublic),
  l('"*" is public', policy({ Effect: 'Allow', Principal: '*', Action: WEB }), [['public-principal', 'error'], ['provider-not-trusted', 'error']], URL.principal, QUOTE.principalAllowWildcard),
  l('"*" with a Condition is still public', policy({ Effect: 'Allow', Principal: '*', Action: WEB, Condition: CHECKS }), [['public-principal', 'error'], ['provider-not-trusted', 'error']], URL.principal, QUOTE.principalThenCondition),
  l('Access Analyzer reports "*" with a Condition as any principal meeting it', policy(GOOD, { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), [['public-principal', 'error']], URL.analyzerFindings, QUOTE.analyzerAnyPrincipal),
  l('"*" next to named principals is still public', policy(GOOD, { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::999988887777:root', '*'] }, Action: 'sts:AssumeRole' }), [['public-principal', 'error'], ['other-principal', 'warning']], URL.principal, QUOTE.principalEveryone),
  l('{"AWS": "*"} next to this provider in one statement is public', policy({ ...GOOD, Principal: { Federated: PROVIDER, AWS: '*' } }), [['public-principal', 'error']], URL.principal, QUOTE.principalRoleTrust),
  l('Allow with NotPrincipal lets in everyone else', policy(GOOD, { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }), [['allow-with-not-principal', 'error']], URL.notPrincipal, QUOTE.notPrincipalAnonymous),
  l('Allow with NotPrincipal naming this provider', policy(GOOD, { Effect: 'Allow', NotPrincipal: { Federated: PROVIDER }, Action: WEB }), [['allow-with-not-principal', 'error']], URL.notPrincipal, QUOTE.notPrincipalAllowAvoid),
  l('an Allow statement without Principal', policy(GOOD, { Effect: 'Allow', Action: 'sts:AssumeRole' }), [['missing-principal', 'error']], URL.principal, QUOTE.principalRequired),

  // Named principals other than this organization's provider: a warning, in any position.
  l('another account after a good statement', policy(GOOD, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }), [['other-principal', 'warning']], URL.principal, QUOTE.principalAccount),
  l('an account id before a good statement', policy({ Effect: 'Allow', Principal: { AWS: '999988887777' }, Action: 'sts:AssumeRole' }, GOOD), [['other-principal', 'warning']], URL.principal, QUOTE.principalAccountForms),
  l('a role of another account, even with a Condition', policy(GOOD, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:role/deployer' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }), [['other-principal', 'warning']], URL.analyzerResources, QUOTE.analyzerRoles),
  l('an AWS service', policy(GOOD, { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), [['other-principal', 'warning']], URL.analyzer, QUOTE.analyzerExternal),
  l('a canonical user', policy(GOOD, { Effect: 'Allow', Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, Action: 'sts:AssumeRole' }), [['other-principal', 'warning']], URL.principal, QUOTE.principalCanonical),
  l('another principal next to this provider in one statement', policy({ ...GOOD, Principal: { Federated: PROVIDER, AWS: 'arn:aws:iam::999988887777:root' } }), [['other-principal', 'warning']], URL.principal, QUOTE.principalOr),

  // Federated principals other than this organization's provider: an error (statement-rules.ts).
  l('another OIDC provider after a good statement', policy(GOOD, { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: WEB }), [['missing-aud-condition', 'warning'], ['missing-sub-condition', 'error'], ['federated-not-oidc-provider', 'error']], URL.principal, QUOTE.principalWebIdentityTrusted),
  l('another OIDC provider with its own conditions', policy(GOOD, { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: WEB, Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'org:org_abc:*', 'token.actions.githubusercontent.com:sub': 'repo:octo-org/*' } } }), [['foreign-issuer-key', 'error'], ['federated-not-oidc-provider', 'error']], URL.analyzer, QUOTE.analyzerExternal),
  l('a SAML provider', policy(GOOD, { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML' }), [['federated-not-oidc-provider', 'error']], URL.principal, QUOTE.principalSaml),
  l('a well-known web identity provider', policy(GOOD, { Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: WEB }), [['federated-not-oidc-provider', 'error']], URL.principal, QUOTE.webIdentityPrincipal),

  // This organization's provider must be trusted somewhere.
  l('no statement trusts this organization’s provider', policy({ ...GOOD, Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_other' } }), [['federated-not-oidc-provider', 'error'], ['provider-not-trusted', 'error']], URL.principal, QUOTE.principalTrustPolicy),
  l('only a Deny statement names this organization’s provider', policy({ Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: WEB }), [['provider-not-trusted', 'error']], URL.principal, QUOTE.principalWebIdentityTrusted),
];
