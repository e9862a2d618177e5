import { describe, expect, it } from 'vitest';
import { claimsForEnvironment } from './claims-for-environment';
import { computeReach } from './compute-reach';
import { deriveRequestFromClaims } from './derive-request';
import { compilePolicy } from './evaluate-policy';
import type { Policy } from './model';
import { parsePolicy } from './parse-policy';
import { ACCOUNT, ISSUER, withSubjects } from './test-support';
import { diagnoseWebIdentity, evaluateWebIdentity } from './web-identity';

const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${P}`;
const ENVS = withSubjects('org_abc', ['org', 'project', 'environment'], [
  { id: 'e1', slug: 'dev', projectSlug: 'web', projectId: 'p1', stage: 'development' },
  { id: 'e2', slug: 'prod', projectSlug: 'web', projectId: 'p1', stage: 'production' },
  { id: 'e3', slug: 'prod', projectSlug: 'api', projectId: 'p2', stage: 'production' },
]);

function parse(input: unknown): Policy {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

const POLICY = parse({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Web',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
      Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' }, StringLike: { [`${P}:sub`]: 'org:org_abc:project:web:*' } },
    },
    { Effect: 'Deny', Principal: '*', Action: '*', Condition: { StringEquals: { 'aws:RequestTag/environment': 'dev' } } },
  ],
});

describe('computeReach', () => {
  it('says which environments are admitted and why the others are not', () => {
    expect(computeReach(POLICY, ENVS, { issuer: ISSUER, accountId: ACCOUNT, orgId: 'org_abc', sessionTags: true })).toEqual([
      { environmentId: 'e1', admitted: false, reason: 'explicitly denied by statement 2' },
      { environmentId: 'e2', admitted: true, reason: 'matches statement 1 ("Web")' },
      { environmentId: 'e3', admitted: false, reason: `statement 1 ("Web"): StringLike "${P}:sub": "org:org_abc:project:api:environment:prod" does not match "org:org_abc:project:web:*".` },
    ]);
  });

  it('without session tags the tag keys are absent', () => {
    const reach = computeReach(POLICY, ENVS, { issuer: ISSUER, accountId: ACCOUNT, orgId: 'org_abc' });
    expect(reach.map((r) => r.admitted)).toEqual([false, false, false]);
    expect(reach[1]?.reason).toBe('statement 1 ("Web"): StringEquals "aws:RequestTag/stage": "aws:RequestTag/stage" is not in the request, so StringEquals cannot match.');
  });

  it('accepts a compiled policy and uses the given audience', () => {
    const policy = parse({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${P}:aud`]: 'custom-aud' } } } });
    const compiled = compilePolicy(policy);
    expect(computeReach(compiled, ENVS, { issuer: ISSUER, accountId: ACCOUNT }).some((r) => r.admitted)).toBe(false);
    expect(computeReach(compiled, ENVS, { issuer: ISSUER, accountId: ACCOUNT, audience: 'custom-aud' }).every((r) => r.admitted)).toBe(true);
  });

  it('decides each environment exactly as its derived token request', () => {
    for (const sessionTags of [false, true]) {
      const ctx = { issuer: ISSUER, accountId: ACCOUNT, orgId: 'org_abc', sessionTags, transitiveTagKeys: ['project'] };
      const reach = computeReach(POLICY, ENVS, ctx);
      ENVS.forEach((env, i) => {
        const derived = deriveRequestFromClaims(claimsForEnvironment(env, ctx), ctx);
        expect(reach[i]?.admitted).toBe(evaluateWebIdentity(POLICY, derived).result.decision === 'Allow');
        expect(reach[i]?.reason).toBe(diagnoseWebIdentity(compilePolicy(POLICY), derived).reason);
      });
    }
  });

  describe('with session tags on, STS also authorizes sts:TagSession', () => {
    const tagged = { issuer: ISSUER, accountId: ACCOUNT, orgId: 'org_abc', sessionTags: true };
    const assumeOnly = parse({ Version: '2012-10-17', Statement: { Sid: 'Assume', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' } } } });

    it('a policy that allows only sts:AssumeRoleWithWebIdentity refuses every environment, saying why', () => {
      const reach = computeReach(assumeOnly, ENVS, tagged);
      expect(reach.map((r) => r.admitted)).toEqual([false, false, false]);
      for (const r of reach) {
        expect(r.reason).toBe('the token carries session tags, so sts:TagSession must be allowed too — statement 1 ("Assume"): "sts:TagSession" does not match Action "sts:AssumeRoleWithWebIdentity".');
      }
    });

    it('the same policy admits every environment when the organization sends no tags', () => {
      expect(computeReach(assumeOnly, ENVS, { ...tagged, sessionTags: false }).map((r) => r.admitted)).toEqual([true, true, true]);
    });

    it('sts:TagSession allowed only for production tags admits only production environments', () => {
      const policy = parse({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' },
          { Sid: 'Tags', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:TagSession', Condition: { StringEquals: { 'aws:RequestTag/stage': 'production' } } },
        ],
      });
      const reach = computeReach(policy, ENVS, tagged);
      expect(reach.map((r) => r.admitted)).toEqual([false, true, true]);
      expect(reach[0]?.reason).toBe('the token carries session tags, so sts:TagSession must be allowed too — statement 2 ("Tags"): StringEquals "aws:RequestTag/stage": "development" does not equal "production".');
    });

    it('an explicit Deny of sts:TagSession refuses', () => {
      const policy = parse({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] },
          { Effect: 'Deny', Principal: '*', Action: 'sts:TagSession', Condition: { StringEquals: { 'aws:RequestTag/project': 'api' } } },
        ],
      });
      const reach = computeReach(policy, ENVS, tagged);
      expect(reach.map((r) => r.admitted)).toEqual([true, true, false]);
      expect(reach[2]?.reason).toBe('the token carries session tags, so sts:TagSession must be allowed too — explicitly denied by statement 2');
    });
  });

  it('handles an empty list', () => {
    expect(computeReach(POLICY, [], { issuer: ISSUER, accountId: ACCOUNT })).toEqual([]);
  });
});
