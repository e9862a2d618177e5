import { describe, expect, it } from 'vitest';
import { lintChecks, lintPolicy, type Finding, type LintOptions, type LintRule } from './lint-policy';
import { parsePolicy } from './parse-policy';
import { renderPolicy } from './render-policy';

const ISSUER = 'https://tb.example.com/oidc/org_abc';
const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${P}`;
const AUD = `${P}:aud`;
const SUB = `${P}:sub`;
const OPTS: LintOptions = { issuer: ISSUER, orgId: 'org_abc' };

type Json = Record<string, unknown>;

function trust(overrides: Json = {}, condition: Json | null = { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:*' } }): Json {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}), ...overrides }],
  };
}

/** The policy with more statements after its own. */
function and(policy: Json, ...statements: Json[]): Json {
  return { ...policy, Statement: [...(policy.Statement as Json[]), ...statements] };
}

const ASSUME = (principal: unknown, extra: Json = {}): Json => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });
const OTHER_ACCOUNT = 'arn:aws:iam::999988887777:root';

function rules(findings: Finding[]): LintRule[] {
  return findings.map((f) => f.rule);
}

describe('good policies produce no findings', () => {
  const good: Array<[string, Json, LintOptions]> = [
    ['StringLike sub anchored after the org id', trust(), OPTS],
    ['StringEquals exact subjects', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: ['org:org_abc:project:web:environment:dev', 'org:org_abc:project:api:environment:prod'] } }), OPTS],
    ['session tags with sts:TagSession', trust({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }, { StringEquals: { [AUD]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' }, StringLike: { [SUB]: 'org:org_abc:project:web:*' } }), { ...OPTS, sessionTags: true }],
    ['without options the issuer comes from the provider ARN', trust(), {}],
    ['an exact single-field subject', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: 'org:org_abc' } }), OPTS],
    ['a Deny statement for every principal', and(trust(), { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { StringEquals: { [SUB]: 'org:org_abc:project:web:environment:dev' } } }), OPTS],
    ['a Deny statement with NotPrincipal', and(trust(), { Effect: 'Deny', NotPrincipal: { Federated: PROVIDER }, Action: 'sts:*' }), OPTS],
  ];
  it.each(good)('%s', (_name, policy, options) => {
    expect(lintPolicy(policy, options)).toEqual([]);
    expect(lintPolicy(JSON.stringify(policy), options)).toEqual([]);
  });
});

interface RuleCase {
  rule: LintRule;
  severity: 'error' | 'warning' | 'info';
  policy: unknown;
  options?: LintOptions;
  path?: string;
}

const big = trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: Array.from({ length: 45 }, (_, i) => `org:org_abc:project:p${i}:environment:e${i}`) } });
const huge = trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: Array.from({ length: 95 }, (_, i) => `org:org_abc:project:p${i}:environment:e${i}`) } });

const ruleCases: RuleCase[] = [
  { rule: 'json-malformed', severity: 'error', policy: '{"Statement": [', path: '$.Statement[0]' },
  { rule: 'json-malformed', severity: 'error', policy: 42, path: '$' },
  { rule: 'policy-invalid', severity: 'error', policy: '{"Statement": [{"Effect": "allow", "Action": "sts:AssumeRoleWithWebIdentity"}]}', path: '$.Statement[0].Effect' },
  { rule: 'missing-aud-condition', severity: 'warning', policy: trust({}, { StringLike: { [SUB]: 'org:org_abc:*' } }), path: '$.Statement[0].Condition' },
  { rule: 'missing-sub-condition', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' } }), path: '$.Statement[0].Condition' },
  { rule: 'missing-sub-condition', severity: 'error', policy: trust({}, null), path: '$.Statement[0]' },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: '*' } }), path: `$.Statement[0].Condition.StringLike["${SUB}"]` },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:*' } }) },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc*' } }) },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: ['org:org_abc:*', 'org:*:project:web:*'] } }) },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_xyz:*' } }), options: OPTS },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringNotLike: { [SUB]: 'org:evil:*' } }) },
  { rule: 'sub-not-anchored', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:${aws:username}:*' } }) },
  { rule: 'wildcard-in-string-equals', severity: 'warning', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: 'org:org_abc:*' } }), path: `$.Statement[0].Condition.StringEquals["${SUB}"]` },
  { rule: 'wildcard-in-string-equals', severity: 'warning', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:*' }, StringNotEquals: { 'aws:RequestTag/stage': 'dev?' } }) },
  { rule: 'string-like-without-wildcard', severity: 'info', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:project:web:environment:dev' } }), path: `$.Statement[0].Condition.StringLike["${SUB}"]` },
  { rule: 'forallvalues-single-valued-key', severity: 'warning', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:*' }, 'ForAllValues:StringEquals': { 'aws:RequestTag/stage': 'production' } }) },
  { rule: 'forallvalues-single-valued-key', severity: 'warning', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, 'ForAllValues:StringLike': { [SUB]: 'org:org_abc:*' } }) },
  { rule: 'forallvalues-single-valued-key', severity: 'warning', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:*' }, 'ForAllValues:StringLike': { 'sts:RoleSessionName': 'env-*' } }) },
  { rule: 'invisible-claim', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [`${P}:environment_slug`]: 'dev' }, StringLike: { [SUB]: 'org:org_abc:*' } }), path: `$.Statement[0].Condition.StringEquals["${P}:environment_slug"]` },
  { rule: 'foreign-issuer-key', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:x/y:ref:refs/heads/main' }, StringLike: { [SUB]: 'org:org_abc:*' } }), options: OPTS },
  { rule: 'foreign-issuer-key', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', 'gitlab.com:sub': 'project_path:x/y' }, StringLike: { [SUB]: 'org:org_abc:*' } }), options: OPTS },
  { rule: 'foreign-issuer-key', severity: 'error', policy: trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', 'tb.example.com/oidc/org_other:sub': 'org:org_other:x' }, StringLike: { [SUB]: 'org:org_abc:*' } }), options: OPTS },
  { rule: 'action-principal-mismatch', severity: 'error', policy: trust({ Action: 'sts:AssumeRole' }), path: '$.Statement[0].Action' },
  { rule: 'action-principal-mismatch', severity: 'error', policy: trust({ Action: '*' }) },
  { rule: 'action-principal-mismatch', severity: 'error', policy: trust({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'] }) },
  { rule: 'action-principal-mismatch', severity: 'error', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }, path: '$.Statement[0].Principal' },
  { rule: 'federated-not-oidc-provider', severity: 'error', policy: trust({ Principal: { Federated: 'tb.example.com' } }), path: '$.Statement[0].Principal.Federated' },
  { rule: 'federated-not-oidc-provider', severity: 'error', policy: trust({ Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_other' } }), options: OPTS },
  { rule: 'federated-not-oidc-provider', severity: 'error', policy: trust({ Principal: { Federated: 'arn:aws:iam::1111:oidc-provider/tb.example.com/oidc/org_abc' } }), options: OPTS },
  { rule: 'missing-tag-session', severity: 'error', policy: trust(), options: { ...OPTS, sessionTags: true }, path: '$.Statement[0].Action' },
  { rule: 'public-principal', severity: 'error', policy: { Version: '2012-10-17', Statement: [ASSUME({ AWS: '*' })] }, options: OPTS, path: '$.Statement[0].Principal.AWS' },
  { rule: 'public-principal', severity: 'error', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] }, path: '$.Statement[0].Principal' },
  { rule: 'public-principal', severity: 'error', policy: trust({ Principal: '*' }), options: OPTS, path: '$.Statement[0].Principal' },
  { rule: 'public-principal', severity: 'error', policy: and(trust(), ASSUME({ AWS: [OTHER_ACCOUNT, '*'] })), options: OPTS, path: '$.Statement[1].Principal.AWS[1]' },
  { rule: 'public-principal', severity: 'error', policy: and(trust(), ASSUME({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })), options: OPTS, path: '$.Statement[1].Principal.AWS' },
  { rule: 'allow-with-not-principal', severity: 'error', policy: and(trust(), { Effect: 'Allow', NotPrincipal: { AWS: OTHER_ACCOUNT }, Action: 'sts:AssumeRole' }), options: OPTS, path: '$.Statement[1].NotPrincipal' },
  { rule: 'missing-principal', severity: 'error', policy: and(trust(), { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }), options: OPTS, path: '$.Statement[1]' },
  { rule: 'other-principal', severity: 'warning', policy: and(trust(), ASSUME({ AWS: OTHER_ACCOUNT })), options: OPTS, path: '$.Statement[1].Principal.AWS' },
  { rule: 'other-principal', severity: 'warning', policy: and(trust(), ASSUME({ AWS: ['999988887777', 'arn:aws:iam::111122223333:role/admin'] })), options: OPTS, path: '$.Statement[1].Principal.AWS[0]' },
  { rule: 'other-principal', severity: 'warning', policy: and({ Version: '2012-10-17', Statement: [ASSUME({ Service: 'ec2.amazonaws.com' })] }, ...(trust().Statement as Json[])), options: OPTS, path: '$.Statement[0].Principal.Service' },
  { rule: 'other-principal', severity: 'warning', policy: trust({ Principal: { Federated: PROVIDER, CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' } }), options: OPTS, path: '$.Statement[0].Principal.CanonicalUser' },
  { rule: 'other-principal', severity: 'warning', policy: and(trust(), ASSUME({ AWS: OTHER_ACCOUNT })), path: '$.Statement[1].Principal.AWS' },
  { rule: 'provider-not-trusted', severity: 'error', policy: { Version: '2012-10-17', Statement: [ASSUME({ AWS: OTHER_ACCOUNT })] }, options: OPTS, path: '$.Statement' },
  { rule: 'provider-not-trusted', severity: 'error', policy: trust({ Effect: 'Deny' }), options: OPTS, path: '$.Statement' },
  { rule: 'provider-not-trusted', severity: 'error', policy: trust({ Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_other' } }), options: OPTS, path: '$.Statement' },
  { rule: 'policy-size-over-default-quota', severity: 'warning', policy: big, path: '$' },
  { rule: 'policy-size-over-maximum', severity: 'error', policy: huge, path: '$' },
];

describe('each rule', () => {
  it.each(ruleCases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
    const findings = lintPolicy(c.policy, c.options ?? {});
    const hit = findings.find((f) => f.rule === c.rule);
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit?.severity).toBe(c.severity);
    expect(hit?.message.length).toBeGreaterThan(10);
    if (c.path !== undefined) expect(hit?.path).toBe(c.path);
  });

  it('a size warning is not also an error, and the other way round', () => {
    expect(rules(lintPolicy(big, OPTS))).toEqual(['policy-size-over-default-quota']);
    expect(rules(lintPolicy(huge, OPTS))).toEqual(['policy-size-over-maximum']);
  });

  it('a missing Statement is policy-invalid, not json-malformed', () => {
    expect(lintPolicy('{"Version": "2012-10-17"}')).toEqual([{ rule: 'policy-invalid', severity: 'error', message: 'The policy has no Statement.', path: '$' }]);
  });
});

describe('fixes', () => {
  const fixable: Array<[LintRule, Json, LintOptions]> = [
    ['missing-aud-condition', trust({}, { StringLike: { [SUB]: 'org:org_abc:*' } }), OPTS],
    ['missing-sub-condition', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' } }), OPTS],
    ['sub-not-anchored', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringNotLike: { [SUB]: 'org:evil:*' } }), OPTS],
    ['wildcard-in-string-equals', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: 'org:org_abc:*' } }), OPTS],
    ['string-like-without-wildcard', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:org_abc:project:web:environment:dev' } }), OPTS],
    ['forallvalues-single-valued-key', trust({}, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, 'ForAllValues:StringLike': { [SUB]: 'org:org_abc:*' } }), OPTS],
    ['invisible-claim', trust({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }, { StringEquals: { [AUD]: 'sts.amazonaws.com', [`${P}:environment_stage`]: 'production' }, StringLike: { [SUB]: 'org:org_abc:*' } }), { ...OPTS, sessionTags: true }],
    ['action-principal-mismatch', trust({ Action: 'sts:*' }), OPTS],
    ['federated-not-oidc-provider', trust({ Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_other' } }), OPTS],
    ['missing-tag-session', trust(), { ...OPTS, sessionTags: true }],
    ['public-principal', and(trust(), ASSUME({ AWS: '*' })), OPTS],
    ['public-principal', and(trust(), { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }), OPTS],
    ['allow-with-not-principal', and(trust(), { Effect: 'Allow', NotPrincipal: { AWS: OTHER_ACCOUNT }, Action: 'sts:AssumeRole' }), OPTS],
    ['missing-principal', and(trust(), { Effect: 'Allow', Action: 'sts:AssumeRole' }), OPTS],
    ['other-principal', and({ Version: '2012-10-17', Statement: [ASSUME({ AWS: OTHER_ACCOUNT })] }, ...(trust().Statement as Json[])), OPTS],
    ['other-principal', trust({ Principal: { Federated: PROVIDER, AWS: OTHER_ACCOUNT } }), OPTS],
  ];
  it.each(fixable)('%s has a fix that removes it', (rule, policy, options) => {
    const finding = lintPolicy(policy, options).find((f) => f.rule === rule);
    expect(finding?.fix).toBeDefined();
    const fixed = finding?.fix?.policy;
    if (!fixed) return;
    expect(rules(lintPolicy(fixed, options))).not.toContain(rule);
    // The fix is a valid policy that survives rendering and parsing.
    const reparsed = parsePolicy(renderPolicy(fixed));
    expect(reparsed.ok).toBe(true);
    // The input is never changed by computing a fix.
    expect(lintPolicy(policy, options).some((f) => f.rule === rule)).toBe(true);
  });

  it('the aud fix adds StringEquals aud = sts.amazonaws.com', () => {
    const fix = lintPolicy(trust({}, { StringLike: { [SUB]: 'org:org_abc:*' } }), OPTS).find((f) => f.rule === 'missing-aud-condition')?.fix;
    expect(fix && JSON.parse(renderPolicy(fix.policy)).Statement[0].Condition.StringEquals).toEqual({ [AUD]: 'sts.amazonaws.com' });
  });

  it('the invisible-claim fix tests the session tag instead', () => {
    const fix = lintPolicy(trust({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }, { StringEquals: { [AUD]: 'sts.amazonaws.com', [`${P}:environment_stage`]: 'production' }, StringLike: { [SUB]: 'org:org_abc:*' } }), { ...OPTS, sessionTags: true }).find((f) => f.rule === 'invisible-claim')?.fix;
    expect(fix && JSON.parse(renderPolicy(fix.policy)).Statement[0].Condition.StringEquals).toEqual({ [AUD]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' });
  });
});

describe('who the policy lets in (every statement, with or without conditions)', () => {
  it('the wide-open policy of issue 12 is an error, not an all-clear', () => {
    const findings = lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }, OPTS);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['provider-not-trusted', 'public-principal']);
  });

  it('a public principal is an error even when a condition narrows it', () => {
    const narrowed = and(trust(), ASSUME({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }));
    const finding = lintPolicy(narrowed, OPTS).find((f) => f.rule === 'public-principal');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/Condition/);
  });

  it('each foreign value is its own finding with its own path', () => {
    const policy = and(trust(), ASSUME({ AWS: [OTHER_ACCOUNT, '123456789012'], Service: 'lambda.amazonaws.com' }));
    expect(lintPolicy(policy, OPTS).map((f) => `${f.rule} ${f.path}`)).toEqual([
      'other-principal $.Statement[1].Principal.AWS[0]',
      'other-principal $.Statement[1].Principal.AWS[1]',
      'other-principal $.Statement[1].Principal.Service',
    ]);
  });

  it('without an issuer any IAM OIDC provider counts as the provider, and nothing says which one is trusted', () => {
    expect(rules(lintPolicy({ Version: '2012-10-17', Statement: [ASSUME({ AWS: '*' })] }))).toEqual(['public-principal']);
    expect(rules(lintPolicy(trust()))).toEqual([]);
  });

  it('the fix for a foreign statement removes it and keeps the rest as written', () => {
    const policy = and(trust(), ASSUME({ AWS: OTHER_ACCOUNT }));
    const fix = lintPolicy(policy, OPTS).find((f) => f.rule === 'other-principal')?.fix;
    expect(fix?.title).toBe('Remove statement 2');
    expect(fix && JSON.parse(renderPolicy(fix.policy))).toEqual(trust());
  });

  it('the fix for a foreign principal next to the provider removes only that principal', () => {
    const fix = lintPolicy(trust({ Principal: { Federated: PROVIDER, AWS: OTHER_ACCOUNT } }), OPTS).find((f) => f.rule === 'other-principal')?.fix;
    expect(fix && JSON.parse(renderPolicy(fix.policy))).toEqual(trust());
  });

  it('no fix removes the only statement that trusts this organization', () => {
    expect(lintPolicy({ Version: '2012-10-17', Statement: [ASSUME({ AWS: '*' })] }, OPTS).find((f) => f.rule === 'public-principal')?.fix).toBeUndefined();
    expect(lintPolicy(trust({ Principal: '*' }), OPTS).find((f) => f.rule === 'public-principal')?.fix).toBeUndefined();
  });
});

describe('lintChecks: what an all-clear covers', () => {
  it('names this organization’s provider and organization only when they were given', () => {
    const full = lintChecks({ ...OPTS, sessionTags: true }).join(' ');
    expect(full).toContain(`oidc-provider/${P}`);
    expect(full).toContain('org:org_abc:');
    expect(full).toContain('sts:TagSession');
    expect(full).toMatch(/"\*"/);
    const bare = lintChecks({}).join(' ');
    expect(bare).not.toContain('this organization');
    expect(bare).not.toContain('sts:TagSession');
  });
});

describe('a local http issuer with a port (localhost:3000/oidc/<id>)', () => {
  const LP = 'localhost:3000/oidc/org_abc';
  const local = (condition: Json, action: unknown = 'sts:AssumeRoleWithWebIdentity'): Json => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${LP}` }, Action: action, Condition: condition }],
  });
  const LOCAL: LintOptions = { issuer: 'http://localhost:3000/oidc/org_abc', orgId: 'org_abc' };

  it('a good policy has no findings', () => {
    expect(lintPolicy(local({ StringEquals: { [`${LP}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${LP}:sub`]: 'org:org_abc:*' } }), LOCAL)).toEqual([]);
  });

  it('flags a claim AWS never sees, with the session-tag fix', () => {
    const policy = local({ StringEquals: { [`${LP}:aud`]: 'sts.amazonaws.com', [`${LP}:environment_stage`]: 'production' }, StringLike: { [`${LP}:sub`]: 'org:org_abc:*' } }, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
    const finding = lintPolicy(policy, { ...LOCAL, sessionTags: true }).find((f) => f.rule === 'invisible-claim');
    expect(finding?.path).toBe(`$.Statement[0].Condition.StringEquals["${LP}:environment_stage"]`);
    expect(finding?.fix && JSON.parse(renderPolicy(finding.fix.policy)).Statement[0].Condition.StringEquals).toEqual({ [`${LP}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' });
  });

  it('flags a key of another local issuer', () => {
    const policy = local({ StringEquals: { [`${LP}:aud`]: 'sts.amazonaws.com', 'localhost:3000/oidc/org_other:sub': 'org:org_other:x' }, StringLike: { [`${LP}:sub`]: 'org:org_abc:*' } });
    expect(rules(lintPolicy(policy, LOCAL))).toEqual(['foreign-issuer-key']);
  });
});

describe('robustness', () => {
  it('ignores option values of the wrong type', () => {
    expect(() => lintPolicy(trust(), { orgId: 5, issuer: null, sessionTags: 'yes' } as unknown as LintOptions)).not.toThrow();
  });

  it('lints a model as well as JSON', () => {
    const parsed = parsePolicy(trust({ Action: 'sts:AssumeRole' }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(rules(lintPolicy(parsed.policy, OPTS))).toContain('action-principal-mismatch');
  });
});
