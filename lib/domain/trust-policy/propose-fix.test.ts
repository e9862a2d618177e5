import { describe, expect, it } from 'vitest';
import { deriveRequestFromClaims } from './derive-request';
import { evaluatePolicy, type EvaluationRequest } from './evaluate-policy';
import type { Policy } from './model';
import { parsePolicy } from './parse-policy';
import { admits, proposeFix } from './propose-fix';
import { renderPolicy } from './render-policy';
import { ACCOUNT, ISSUER } from './test-support';
import { evaluateWebIdentity } from './web-identity';

// Every kind of refusal the inspector meets, the fix proposed for it, and proof that the fixed
// policy admits the token (evaluated again from scratch, both authorizations).

const PREFIX = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${PREFIX}`;
const SUB = 'org:org_abc:project:web:environment:prod';
const TAGS = { principal_tags: { org_id: ['org_abc'], project: ['web'], environment: ['prod'], stage: ['production'] }, transitive_tag_keys: ['org_id', 'project', 'environment', 'stage'] };

const parse = (input: unknown): Policy => {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
};
const request = (claims: Record<string, unknown> = {}, extra: Partial<EvaluationRequest> = {}): EvaluationRequest => ({
  ...deriveRequestFromClaims({ iss: ISSUER, sub: SUB, aud: 'sts.amazonaws.com', ...claims }, { issuer: ISSUER, accountId: ACCOUNT }),
  ...extra,
});
const statement = (over: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:sub`]: SUB } },
  ...over,
});
const policy = (...statements: unknown[]) => parse({ Version: '2012-10-17', Statement: statements });
const json = (p: Policy) => JSON.parse(renderPolicy(p)) as { Statement: Array<Record<string, unknown>> };

function fixed(p: Policy, r: EvaluationRequest) {
  expect(evaluateWebIdentity(p, r).result.decision).not.toBe('Allow');
  const fix = proposeFix(p, r);
  expect(fix, 'a fix is proposed').not.toBeNull();
  if (!fix) throw new Error('no fix');
  // Proof from scratch: the rendered policy, parsed again, admits the request.
  const reparsed = parse(renderPolicy(fix.policy));
  expect(admits(reparsed, r)).toBe(true);
  expect(evaluatePolicy(reparsed, r).decision).toBe('Allow');
  return { ...fix, json: json(reparsed) };
}

describe('proposeFix: each refusal, its smallest fix, and Allow afterwards', () => {
  it('sub of another environment → add this environment’s subject to the values', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:sub`]: 'org:org_abc:project:web:environment:dev' } } }));
    const fix = fixed(p, request());
    expect(fix.steps).toEqual([`Add this subject "${SUB}" to StringEquals ${PREFIX}:sub`]);
    expect(fix.json.Statement[0]?.Condition).toEqual({ StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:sub`]: ['org:org_abc:project:web:environment:dev', SUB] } });
  });

  it('StringEquals with a wildcard → StringLike (not a new value)', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:sub`]: 'org:org_abc:project:web:*' } } }));
    const fix = fixed(p, request());
    expect(fix.steps).toEqual([`Switch StringEquals to StringLike on ${PREFIX}:sub: its values use a wildcard`]);
    expect(fix.json.Statement[0]?.Condition).toEqual({ StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${PREFIX}:sub`]: 'org:org_abc:project:web:*' } });
  });

  it('session tags without sts:TagSession → add sts:TagSession to the Action', () => {
    const r = request({ 'https://aws.amazon.com/tags': TAGS });
    const fix = fixed(policy(statement()), r);
    expect(fix.steps).toEqual(['Allow sts:TagSession too (the token carries session tags)']);
    expect(fix.json.Statement[0]?.Action).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
  });

  it('another audience → add it to the aud values', () => {
    const fix = fixed(policy(statement()), request({ aud: 'api://deploy' }));
    expect(fix.steps).toEqual([`Add "api://deploy" to StringEquals ${PREFIX}:aud`]);
  });

  it('StringLike → the subject is added written literally', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${PREFIX}:sub`]: 'org:org_abc:project:api:*' } } }));
    const fix = fixed(p, request({ sub: 'org:org_abc:project:web:environment:what?' }));
    expect(fix.json.Statement[0]?.Condition).toMatchObject({ StringLike: { [`${PREFIX}:sub`]: ['org:org_abc:project:api:*', 'org:org_abc:project:web:environment:what${?}'] } });
  });

  it('a negated condition that excludes this subject → stop excluding it', () => {
    const p = policy(
      statement({
        Condition: {
          StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${PREFIX}:sub`]: 'org:org_abc:*' },
          StringNotLike: { [`${PREFIX}:sub`]: ['*:environment:prod', '*:environment:qa'] },
        },
      }),
    );
    const fix = fixed(p, request());
    expect(fix.steps).toEqual([`Stop excluding "${SUB}" in StringNotLike ${PREFIX}:sub`]);
    expect(fix.json.Statement[0]?.Condition).toMatchObject({ StringNotLike: { [`${PREFIX}:sub`]: '*:environment:qa' } });
  });

  it('a claim AWS never sees → the session tag carrying the same fact', () => {
    const p = policy(statement({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:environment_stage`]: 'production' } } }));
    const fix = fixed(p, request({ 'https://aws.amazon.com/tags': TAGS }));
    expect(fix.steps).toEqual([`Test the session tag aws:RequestTag/stage instead of ${PREFIX}:environment_stage (AWS never sees that claim)`]);
    expect(fix.json.Statement[0]?.Condition).toEqual({ StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' } });
  });

  it('a key the request never carries (and no tag for it) → drop that condition', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', 'sts:RoleSessionName': 'deploy' } } }));
    const fix = fixed(p, request());
    expect(fix.steps).toEqual(['Drop the condition StringEquals sts:RoleSessionName: this request never carries sts:RoleSessionName']);
    expect(fix.json.Statement[0]?.Condition).toEqual({ StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' } });
  });

  it('a multivalued key without a set operator → ForAnyValue:', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:amr`]: 'mfa' } } }));
    const fix = fixed(p, request({ amr: ['pwd', 'mfa'] }));
    expect(fix.steps).toEqual([`Use ForAnyValue:StringEquals on ${PREFIX}:amr: the request has 2 values`]);
  });

  it('Null "true" on a key the token carries → "false"', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' }, Null: { [`${PREFIX}:sub`]: 'true' } } }));
    const fix = fixed(p, request());
    expect(fix.json.Statement[0]?.Condition).toMatchObject({ Null: { [`${PREFIX}:sub`]: 'false' } });
  });

  it('an explicit Deny on this subject → stop denying it, keeping the rest of the Deny', () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { StringEquals: { [`${PREFIX}:sub`]: [SUB, 'org:org_abc:project:web:environment:qa'] } } };
    const fix = fixed(policy(statement(), deny), request());
    expect(fix.steps).toEqual([`Stop denying "${SUB}" in the Deny statement 2 (StringEquals ${PREFIX}:sub)`]);
    expect(fix.json.Statement[1]).toMatchObject({ Effect: 'Deny', Condition: { StringEquals: { [`${PREFIX}:sub`]: 'org:org_abc:project:web:environment:qa' } } });
  });

  it('an explicit Deny matching everything → remove that statement', () => {
    const fix = fixed(policy(statement(), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }), request());
    expect(fix.steps).toEqual(['Remove the Deny statement 2']);
    expect(fix.json.Statement).toHaveLength(1);
  });

  it('another OIDC provider → trust this token’s provider too (then its keys fail and are fixed as well)', () => {
    const other = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const p = policy(statement({ Principal: { Federated: other } }));
    const fix = fixed(p, request());
    expect(fix.steps).toEqual([`Trust the OIDC provider ${PROVIDER}`]);
    expect(fix.json.Statement[0]?.Principal).toEqual({ Federated: [other, PROVIDER] });
  });

  it('the wrong action → allow sts:AssumeRoleWithWebIdentity', () => {
    const fix = fixed(policy(statement({ Action: 'sts:AssumeRole' })), request());
    expect(fix.steps).toEqual(['Allow sts:AssumeRoleWithWebIdentity']);
  });

  it('no Allow statement → one for this provider, audience and subject', () => {
    const fix = fixed(policy({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }), request());
    expect(fix.steps).toEqual(['Add an Allow statement for this token’s provider, audience and subject']);
    expect(fix.json.Statement[1]).toEqual({ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com', [`${PREFIX}:sub`]: SUB } } });
  });

  it('several problems at once → one step each, in order', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'api://other', [`${PREFIX}:sub`]: 'org:org_abc:project:web:*' } } }));
    const fix = fixed(p, request({ 'https://aws.amazon.com/tags': TAGS }));
    expect(fix.steps).toHaveLength(3);
    expect(fix.steps).toContain('Allow sts:TagSession too (the token carries session tags)');
  });
});

describe('proposeFix: no fix', () => {
  it('when the policy already admits the request', () => expect(proposeFix(policy(statement()), request())).toBeNull());
  it('when only a numeric or date condition refuses (no guessing at limits)', () => {
    const p = policy(statement({ Condition: { StringEquals: { [`${PREFIX}:aud`]: 'sts.amazonaws.com' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '60' } } }));
    expect(proposeFix(p, request({}, { context: { ...request().context, 'aws:MultiFactorAuthAge': '3600' } }))).toBeNull();
  });
  it('never changes the policy it was given', () => {
    const p = policy(statement({ Action: 'sts:AssumeRole' }));
    const before = renderPolicy(p);
    proposeFix(p, request());
    expect(renderPolicy(p)).toBe(before);
  });
});
