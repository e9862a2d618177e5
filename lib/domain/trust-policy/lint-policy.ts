// Lints a trust policy for an OIDC issuer: JSON and structure first (json-malformed,
// policy-invalid), then the OIDC rules, operator rules, principal/action rules, who the policy lets in
// (principal-rules.ts: every Allow statement, the way IAM Access Analyzer judges one) and the size quota
// ("Role trust policy length: 2,048 characters" by default, raisable to 4,096; IAM does not count
// white space). Accepts JSON text, a parsed JSON value, or a Policy model. Never throws.
import type { Policy } from './model';
import { issuerKeyPrefix } from './derive-request';
import { isPolicyModel } from './internal/model-guard';
import { anchorRules, keyVisibilityRules, missingConditionRules } from './internal/lint/oidc-rules';
import { operatorRules } from './internal/lint/operator-rules';
import { principalRules } from './internal/lint/principal-rules';
import type { Finding, LintContext, LintOptions } from './internal/lint/shared';
import { statementRules } from './internal/lint/statement-rules';
import { parsePolicy } from './parse-policy';
import { renderPolicy } from './render-policy';

export type { Finding, LintOptions, LintRule, Severity } from './internal/lint/shared';

export const DEFAULT_TRUST_POLICY_QUOTA = 2048;
export const MAX_TRUST_POLICY_QUOTA = 4096;

const MALFORMED = new Set(['json_syntax', 'too_large', 'too_deep', 'invalid_json_value', 'not_an_object']);

/** Characters IAM counts toward the quota: the policy without white space. */
export function policySize(policy: Policy): number {
  return renderPolicy(policy).replace(/\s/g, '').length;
}

function sizeRule(policy: Policy): Finding[] {
  const size = policySize(policy);
  if (size > MAX_TRUST_POLICY_QUOTA) {
    return [{ rule: 'policy-size-over-maximum', severity: 'error', message: `The policy has ${size} characters (without white space); IAM accepts at most ${MAX_TRUST_POLICY_QUOTA} even with a raised quota.`, path: '$' }];
  }
  if (size > DEFAULT_TRUST_POLICY_QUOTA) {
    return [{ rule: 'policy-size-over-default-quota', severity: 'warning', message: `The policy has ${size} characters (without white space); the default role trust policy quota is ${DEFAULT_TRUST_POLICY_QUOTA}. Request a quota increase (up to ${MAX_TRUST_POLICY_QUOTA}) or shorten it.`, path: '$' }];
  }
  return [];
}

export function lintPolicy(input: unknown, options: LintOptions = {}): Finding[] {
  let policy: Policy;
  if (isPolicyModel(input)) {
    policy = input;
  } else {
    const parsed = parsePolicy(input);
    if (!parsed.ok) {
      return parsed.errors.map((e) => ({
        rule: MALFORMED.has(e.code) ? 'json-malformed' : 'policy-invalid',
        severity: 'error',
        message: e.message,
        path: e.path,
      }));
    }
    policy = parsed.policy;
  }
  const raw: Partial<Record<keyof LintOptions, unknown>> = options !== null && typeof options === 'object' ? options : {};
  const opts: LintOptions = {
    ...(typeof raw.issuer === 'string' ? { issuer: raw.issuer } : {}),
    ...(typeof raw.sessionTags === 'boolean' ? { sessionTags: raw.sessionTags } : {}),
    ...(typeof raw.orgId === 'string' && raw.orgId.length > 0 ? { orgId: raw.orgId } : {}),
  };
  const ctx: LintContext = {
    policy,
    options: opts,
    issuerPrefix: opts.issuer !== undefined && opts.issuer.length > 0 ? issuerKeyPrefix(opts.issuer) : null,
  };
  return [...missingConditionRules(ctx), ...anchorRules(ctx), ...keyVisibilityRules(ctx), ...operatorRules(ctx), ...statementRules(ctx), ...principalRules(ctx), ...sizeRule(policy)];
}

/**
 * What an empty lint result vouches for, given the options — the all-clear says this and no more.
 * One sentence per rule family that lintPolicy runs; keep it in step with the rules above.
 */
export function lintChecks(options: LintOptions = {}): string[] {
  const raw: Partial<Record<keyof LintOptions, unknown>> = options !== null && typeof options === 'object' ? options : {};
  const issuer = typeof raw.issuer === 'string' && raw.issuer.length > 0 ? issuerKeyPrefix(raw.issuer) : null;
  const orgId = typeof raw.orgId === 'string' && raw.orgId.length > 0 ? raw.orgId : null;
  const provider = issuer !== null ? `this organization's OIDC provider (…:oidc-provider/${issuer})` : 'an IAM OIDC provider';
  return [
    `Every Allow statement names its principal, and that principal is ${provider}: no "*", no NotPrincipal, no other AWS account, role, service, canonical user or identity provider.`,
    ...(issuer !== null ? ["At least one Allow statement trusts this organization's OIDC provider."] : []),
    `Each statement for the provider checks the audience (aud) and has a sub condition ${orgId !== null ? `that pins this organization (org:${orgId}:…)` : 'anchored right after an organization id (org:<id>:…)'}.`,
    `Condition keys of ${issuer !== null ? 'this issuer are ones AWS sees (aud, sub, amr, azp), and none belongs to another issuer' : 'the provider are ones AWS sees (aud, sub, amr, azp)'}.`,
    'Operators fit their values: no wildcards under StringEquals, wildcards under StringLike, no ForAllValues on a single-valued key.',
    `Actions fit the principal: sts:AssumeRoleWithWebIdentity${raw.sessionTags === true ? ', and sts:TagSession for the session tags' : ''}.`,
    `The policy fits IAM's role trust policy quota (${DEFAULT_TRUST_POLICY_QUOTA} characters by default, ${MAX_TRUST_POLICY_QUOTA} at most).`,
  ];
}
