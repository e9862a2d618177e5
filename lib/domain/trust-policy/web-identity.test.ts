import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type EvaluationRequest } from './evaluate-policy';
import type { Policy } from './model';
import { parsePolicy } from './parse-policy';
import { ACCOUNT } from './test-support';
import { carriesSessionTags, evaluateWebIdentity, tagSessionRequest } from './web-identity';

const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/tb.example.com/oidc/org_abc`;
const parse = (input: unknown): Policy => {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
};
const request = (context: Record<string, string | string[]>): EvaluationRequest => ({ principal: PROVIDER, action: 'sts:AssumeRoleWithWebIdentity', context });
const ASSUME_ONLY = parse({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' } });
const BOTH = parse({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] } });

describe('AssumeRoleWithWebIdentity authorization (web-identity.ts)', () => {
  it('a request carries session tags when it has any aws:RequestTag/* key, in any case', () => {
    expect(carriesSessionTags(request({ 'tb.example.com/oidc/org_abc:sub': 'x' }))).toBe(false);
    expect(carriesSessionTags(request({ 'aws:RequestTag/stage': 'production' }))).toBe(true);
    expect(carriesSessionTags(request({ 'AWS:REQUESTTAG/stage': 'production' }))).toBe(true);
    expect(tagSessionRequest(request({}))).toBeNull();
    expect(tagSessionRequest(request({ 'aws:RequestTag/stage': 'production' }))?.action).toBe('sts:TagSession');
  });

  it('a token whose session tags all have empty (null) values still passes tags, so sts:TagSession is still required', () => {
    const r = request({ 'aws:TagKeys': ['team'] });
    expect(carriesSessionTags(r)).toBe(true);
    expect(carriesSessionTags(request({ 'aws:TagKeys': [] }))).toBe(false);
    expect(evaluateWebIdentity(ASSUME_ONLY, r).refusedForTagSession).toBe(true);
  });

  it('without session tags it is exactly evaluatePolicy', () => {
    const r = request({});
    expect(evaluateWebIdentity(ASSUME_ONLY, r)).toEqual({ result: evaluatePolicy(ASSUME_ONLY, r), refusedForTagSession: false });
  });

  it('with session tags, a policy without sts:TagSession is refused, with the TagSession trace', () => {
    const r = request({ 'aws:RequestTag/stage': 'production', 'aws:TagKeys': ['stage'] });
    const outcome = evaluateWebIdentity(ASSUME_ONLY, r);
    expect(outcome.refusedForTagSession).toBe(true);
    expect(outcome.result).toEqual(evaluatePolicy(ASSUME_ONLY, { ...r, action: 'sts:TagSession' }));
    expect(outcome.result.decision).toBe('ImplicitDeny');
  });

  it('with session tags and sts:TagSession allowed, it is allowed', () => {
    const outcome = evaluateWebIdentity(BOTH, request({ 'aws:RequestTag/stage': 'production' }));
    expect([outcome.result.decision, outcome.refusedForTagSession]).toEqual(['Allow', false]);
  });

  it('a refusal of sts:AssumeRoleWithWebIdentity itself is reported as such, not as a TagSession problem', () => {
    const other = request({ 'aws:RequestTag/stage': 'production' });
    const outcome = evaluateWebIdentity(BOTH, { ...other, principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/elsewhere.example.com` });
    expect([outcome.result.decision, outcome.refusedForTagSession]).toEqual(['ImplicitDeny', false]);
  });
});
