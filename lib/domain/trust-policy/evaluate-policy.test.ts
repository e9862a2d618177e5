import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluatePolicy, firstFailure, type EvaluationRequest } from './evaluate-policy';
import type { Policy } from './model';
import { parsePolicy } from './parse-policy';

const P = 'tb.example.com/oidc/abc';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${P}`;
const SUB = `${P}:sub`;
const AUD = `${P}:aud`;

function parse(input: unknown): Policy {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

function trust(condition: Record<string, unknown>, extra: Record<string, unknown> = {}): Policy {
  return parse({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition, ...extra }] });
}

function req(context: Record<string, string | string[]>, over: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { principal: PROVIDER, action: 'sts:AssumeRoleWithWebIdentity', context, ...over };
}

describe('evaluate trace', () => {
  it('says exactly why a StringLike failed', () => {
    const result = evaluatePolicy(trust({ StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:abc:project:api:*' } }), req({ [AUD]: 'sts.amazonaws.com', [SUB]: 'org:abc:project:web:environment:dev' }));
    expect(result.decision).toBe('ImplicitDeny');
    const [s] = result.statements;
    expect(s).toMatchObject({ index: 0, effect: 'Allow', matched: false, principal: { matched: true }, action: { matched: true } });
    expect(s?.conditions).toEqual([
      { operator: 'StringEquals', key: AUD, policyValues: ['sts.amazonaws.com'], contextValues: ['sts.amazonaws.com'], matched: true, reason: '"sts.amazonaws.com" equals "sts.amazonaws.com".' },
      { operator: 'StringLike', key: SUB, policyValues: ['org:abc:project:api:*'], contextValues: ['org:abc:project:web:environment:dev'], matched: false, reason: '"org:abc:project:web:environment:dev" does not match "org:abc:project:api:*".' },
    ]);
  });

  it('reports an absent key as null and explains the rule applied', () => {
    const result = evaluatePolicy(trust({ StringNotLike: { [SUB]: 'org:evil:*' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' }, StringEquals: { 'aws:RequestTag/x': 'y' } }), req({}));
    const [a, b, c] = result.statements[0]?.conditions ?? [];
    expect(a).toMatchObject({ contextValues: null, matched: true });
    expect(a?.reason).toContain('negated operator StringNotLike matches a missing key');
    expect(b).toMatchObject({ contextValues: null, matched: true });
    expect(b?.reason).toContain('ForAllValues is true');
    expect(c).toMatchObject({ contextValues: null, matched: false });
    expect(c?.reason).toContain('is not in the request');
  });

  it('keeps the operator as written and explains set operators value by value', () => {
    const result = evaluatePolicy(trust({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['env*'] } }), req({ 'aws:TagKeys': ['team', 'environment'] }));
    const cond = result.statements[0]?.conditions[0];
    expect(cond?.operator).toBe('ForAnyValue:StringLikeIfExists');
    expect(cond?.matched).toBe(true);
    expect(cond?.reason).toBe('"environment" matches "env*"; ForAnyValue needs one request value to match.');
  });

  it('explains unresolved policy variables', () => {
    const result = evaluatePolicy(trust({ StringEquals: { 'test:team': '${aws:PrincipalTag/team}' } }), req({ 'test:team': 'red' }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.statements[0]?.conditions[0]?.reason).toContain('${aws:PrincipalTag/team} has no value in the request');
  });

  it('shows the resolved value of a policy variable', () => {
    const result = evaluatePolicy(trust({ StringLike: { 's3:prefix': '${aws:username}/*' } }), req({ 's3:prefix': 'bob/x', 'aws:username': 'alice' }));
    expect(result.statements[0]?.conditions[0]?.reason).toBe('"bob/x" does not match "alice/*".');
  });

  it('explains principal, action and resource', () => {
    const policy = parse({ Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/a-*' }] });
    const result = evaluatePolicy(policy, req({}, { principal: 'arn:aws:iam::111122223333:oidc-provider/other.example.com', resource: 'arn:aws:iam::111122223333:role/b' }));
    const s = result.statements[0];
    expect(s?.principal.matched).toBe(false);
    expect(s?.principal.reason).toContain('is not in Principal Federated');
    expect(s?.action).toEqual({ matched: false, reason: '"sts:AssumeRoleWithWebIdentity" does not match Action "sts:AssumeRole".' });
    expect(s?.resource?.matched).toBe(false);
  });

  it('omits resource from the trace when the statement has none', () => {
    expect(evaluatePolicy(trust({}), req({})).statements[0]?.resource).toBeUndefined();
  });
});

describe('firstFailure', () => {
  it('is null on Allow', () => {
    expect(firstFailure(evaluatePolicy(trust({ StringEquals: { [AUD]: 'sts.amazonaws.com' } }), req({ [AUD]: 'sts.amazonaws.com' })))).toBeNull();
  });

  it('names the failing condition of the Allow statement that got furthest', () => {
    const policy = parse({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Other', Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/x.example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
        { Sid: 'Main', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'org:abc:*' } } },
      ],
    });
    const failure = firstFailure(evaluatePolicy(policy, req({ [AUD]: 'sts.amazonaws.com', [SUB]: 'org:abcdef:x' })));
    expect(failure).toMatchObject({ kind: 'condition', statement: 1, sid: 'Main', condition: { operator: 'StringLike', key: SUB } });
    expect(failure?.reason).toBe(`StringLike "${SUB}": "org:abcdef:x" does not match "org:abc:*".`);
  });

  it('names the principal when no Allow statement has it', () => {
    const failure = firstFailure(evaluatePolicy(trust({}), req({}, { principal: 'arn:aws:iam::111122223333:oidc-provider/x.example.com' })));
    expect(failure?.kind).toBe('principal');
  });

  it('names the Deny statement on an explicit deny', () => {
    const policy = parse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*' }, { Effect: 'Deny', Principal: '*', Action: '*' }] });
    expect(firstFailure(evaluatePolicy(policy, req({})))).toMatchObject({ kind: 'explicit-deny', statement: 1 });
  });

  it('says when there is no Allow statement', () => {
    const policy = parse({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 'iam:*' }] });
    expect(firstFailure(evaluatePolicy(policy, req({})))?.kind).toBe('no-allow-statement');
  });
});

describe('evaluation details', () => {
  it('an unknown operator never matches, and says why', () => {
    const policy: Policy = {
      version: '2012-10-17',
      statementShape: 'array',
      extra: [],
      statements: [{ effect: 'Allow', principal: { kind: 'wildcard' }, action: { values: ['*'], shape: 'scalar' }, condition: [{ operator: 'StringSortOf', entries: [{ key: 'a:b', values: ['x'], shape: 'scalar' }] }], extra: [] }],
    };
    const result = evaluatePolicy(policy, req({ 'a:b': 'x' }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.statements[0]?.conditions[0]?.reason).toBe('"StringSortOf" is not a condition operator, so this condition never matches.');
    expect(compilePolicy(policy).decide(req({ 'a:b': 'x' }))).toBe('ImplicitDeny');
  });

  it('an unknown operator under ForAllValues does not pass vacuously', () => {
    const policy: Policy = {
      statementShape: 'array',
      extra: [],
      statements: [{ effect: 'Allow', principal: { kind: 'wildcard' }, action: { values: ['*'], shape: 'scalar' }, condition: [{ operator: 'ForAllValues:NotAnOperator', entries: [{ key: 'a:b', values: ['x'], shape: 'scalar' }] }], extra: [] }],
    };
    expect(compilePolicy(policy).decide(req({}))).toBe('ImplicitDeny');
  });

  it('a one-element list is a single value for plain operators', () => {
    expect(compilePolicy(trust({ StringEquals: { [AUD]: 'sts.amazonaws.com' } })).decide(req({ [AUD]: ['sts.amazonaws.com'] }))).toBe('Allow');
  });

  it('an empty list counts as a missing key', () => {
    const compiled = compilePolicy(trust({ StringNotEquals: { 'aws:TagKeys': 'x' }, Null: { 'aws:TagKeys': 'true' } }));
    expect(compiled.decide(req({ 'aws:TagKeys': [] }))).toBe('Allow');
    expect(compiled.evaluate(req({ 'aws:TagKeys': [] })).statements[0]?.conditions[0]?.contextValues).toEqual([]);
  });

  it('an empty string in a key the user defines (a tag) is null, and the trace says so', () => {
    const compiled = compilePolicy(trust({ Null: { 'aws:RequestTag/team': 'true' }, StringNotEquals: { 'aws:PrincipalTag/team': '' } }));
    const result = compiled.evaluate(req({ 'AWS:REQUESTTAG/team': '', 'aws:PrincipalTag/team': '' }));
    expect(result.decision).toBe('Allow');
    expect(compiled.decide(req({ 'aws:RequestTag/team': '', 'aws:PrincipalTag/team': '' }))).toBe('Allow');
    const [nul, neg] = result.statements[0]?.conditions ?? [];
    expect(nul).toMatchObject({ contextValues: [], matched: true });
    expect(nul?.reason).toContain('is an empty string, which AWS treats as null');
    expect(neg).toMatchObject({ contextValues: [], matched: true });
  });

  it('empty strings drop out of a multivalued tag key; what remains is judged', () => {
    const compiled = compilePolicy(trust({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['stage'] }, 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['stage'] } }));
    const result = compiled.evaluate(req({ 'aws:TagKeys': ['', 'stage', ''] }));
    expect(result.decision).toBe('Allow');
    expect(result.statements[0]?.conditions[0]?.contextValues).toEqual(['stage']);
    expect(compiled.decide(req({ 'aws:TagKeys': [''] }))).toBe('ImplicitDeny');
  });

  it('an empty string in a key AWS itself sets stays a value (only user-defined keys are null)', () => {
    const compiled = compilePolicy(trust({ StringEquals: { [SUB]: '' }, Null: { 'sts:RoleSessionName': 'false' } }));
    expect(compiled.decide(req({ [SUB]: '', 'sts:RoleSessionName': '' }))).toBe('Allow');
  });

  it('looks up context keys whatever their case, including lowercase-only spellings', () => {
    const compiled = compilePolicy(trust({ StringEquals: { 'AWS:RequestTag/Stage': 'production' } }));
    expect(compiled.decide(req({ 'aws:requesttag/stage': 'production' }))).toBe('Allow');
    expect(compiled.decide(req({ 'Aws:RequestTag/STAGE': 'production' }))).toBe('Allow');
    expect(compiled.decide(req({ 'aws:RequestTag/stage': 'Production' }))).toBe('ImplicitDeny');
  });

  it('ignores inherited properties of the context object', () => {
    const compiled = compilePolicy(trust({ Null: { constructor: 'true', toString: 'true' } }));
    expect(compiled.decide(req({}))).toBe('Allow');
  });

  it('an AWS account principal stands for principals of that account', () => {
    const policy = parse({ Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }] });
    const compiled = compilePolicy(policy);
    expect(compiled.decide(req({}, { principal: 'arn:aws:iam::111122223333:role/ci', action: 'sts:AssumeRole' }))).toBe('Allow');
    expect(compiled.decide(req({}, { principal: 'arn:aws:iam::444455556666:role/ci', action: 'sts:AssumeRole' }))).toBe('ImplicitDeny');
    expect(compiled.decide(req({}, { action: 'sts:AssumeRole' }))).toBe('ImplicitDeny');
  });

  it('matches Resource component by component, and skips it when the request names none', () => {
    const compiled = compilePolicy(parse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: 'arn:aws:iam::*:role/ci-*' }] }));
    expect(compiled.decide(req({}, { resource: 'arn:aws:iam::111122223333:role/ci-web' }))).toBe('Allow');
    expect(compiled.decide(req({}, { resource: 'arn:aws:iam::111122223333:user/ci-web' }))).toBe('ImplicitDeny');
    expect(compiled.decide(req({}))).toBe('Allow');
  });

  it('a statement without Principal applies to any principal', () => {
    expect(compilePolicy(parse({ Statement: [{ Effect: 'Allow', Action: 'sts:*' }] })).decide(req({}))).toBe('Allow');
  });

  it('diagnose explains with the statement number and sid', () => {
    const compiled = compilePolicy(parse({ Statement: [{ Sid: 'Main', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'aws:RequestTag/stage': 'production' } } }] }));
    expect(compiled.diagnose(req({ 'aws:RequestTag/stage': 'dev' }))).toEqual({ decision: 'ImplicitDeny', statement: 0, reason: 'statement 1 ("Main"): StringEquals "aws:RequestTag/stage": "dev" does not equal "production".' });
    expect(compiled.diagnose(req({ 'aws:RequestTag/stage': 'production' }))).toEqual({ decision: 'Allow', statement: 0, reason: 'matches statement 1 ("Main")' });
    // The memoized reason is the same sentence the first time and later.
    expect(compiled.diagnose(req({ 'aws:RequestTag/stage': 'dev' })).reason).toBe('statement 1 ("Main"): StringEquals "aws:RequestTag/stage": "dev" does not equal "production".');
  });

  it('never throws on malformed models or requests', () => {
    const junk: unknown[] = [null, 1, 'x', [], { statements: 'no' }, { statements: [null, 1, { effect: 'Allow', action: { values: [1, null] }, condition: [null, { operator: 5 }, { operator: 'StringEquals', entries: [null, { key: 1 }, { key: 'a', values: 'x' }] }] }] }];
    const requests: unknown[] = [null, undefined, 1, {}, { principal: 5, action: [], context: null }, { principal: 'p', action: 'a', context: { a: { b: 1 }, c: [1, {}, 'x'] } }];
    for (const model of junk) {
      const compiled = compilePolicy(model as Policy);
      for (const r of requests) {
        expect(() => compiled.decide(r as EvaluationRequest)).not.toThrow();
        expect(() => compiled.evaluate(r as EvaluationRequest)).not.toThrow();
        expect(() => compiled.diagnose(r as EvaluationRequest)).not.toThrow();
      }
    }
  });
});
