import { describe, expect, it } from 'vitest';
import { comparePolicies, decodePolicyDocument, policiesEquivalent } from './policy-compare';

const P = 'tb.example.com/oidc/org1';
const ARN = `arn:aws:iam::123456789012:oidc-provider/${P}`;
const base = () => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: ARN },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: ['org:org1:project:web:*', 'org:org1:project:api:*'] } },
    },
  ],
});

describe('decodePolicyDocument', () => {
  it('reads the URL-encoded document GetRole returns, and plain JSON', () => {
    const json = JSON.stringify(base());
    expect(decodePolicyDocument(encodeURIComponent(json))).toEqual(base());
    expect(decodePolicyDocument(json)).toEqual(base());
  });
  it('keeps a literal % in plain JSON (not URL-encoded) intact', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'x:sub': 'a%3Ab' } } }] };
    expect(decodePolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
  });
  it('answers null for text that is not JSON', () => expect(decodePolicyDocument('%7Bnot json')).toBeNull());
});

describe('comparePolicies: what IAM treats as the same', () => {
  const same = (aws: unknown) => expect(comparePolicies(base(), aws)).toEqual([]);
  it('key order', () => {
    const s = base().Statement[0];
    same({ Statement: [{ Condition: { StringLike: s?.Condition.StringLike, StringEquals: s?.Condition.StringEquals }, Action: s?.Action, Principal: s?.Principal, Effect: 'Allow' }], Version: '2012-10-17' });
  });
  it('a single value and a one-element array', () => {
    const doc = base() as { Statement: Array<Record<string, unknown>> };
    doc.Statement[0] = { ...doc.Statement[0], Action: ['sts:AssumeRoleWithWebIdentity'], Principal: { Federated: [ARN] } };
    same(doc);
    same({ ...base(), Statement: base().Statement[0] });
  });
  it('value order in sets (condition values, actions, principals) and statement order', () => {
    const doc = base();
    const s = doc.Statement[0] as { Condition: { StringLike: Record<string, string[]> } };
    s.Condition.StringLike[`${P}:sub`] = ['org:org1:project:api:*', 'org:org1:project:web:*'];
    same(doc);
    const deny = { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(comparePolicies({ ...base(), Statement: [...base().Statement, deny] }, { ...base(), Statement: [deny, ...base().Statement] })).toEqual([]);
  });
  it('Sid, action-name case, condition-key case, "*" vs {"AWS":"*"}, numbers and booleans as strings', () => {
    const ours = { Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Principal: '*', Action: 'STS:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': true }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } }] };
    const aws = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:assumerole', Condition: { Bool: { 'AWS:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:multifactorauthage': '3600' } } }] };
    expect(comparePolicies(ours, aws)).toEqual([]);
  });
  it('policiesEquivalent agrees', () => expect(policiesEquivalent(base(), JSON.parse(JSON.stringify(base())))).toBe(true));
});

describe('comparePolicies: real differences, with the path', () => {
  it('a changed sub condition names operator and key', () => {
    const aws = base();
    (aws.Statement[0] as { Condition: { StringLike: Record<string, string[]> } }).Condition.StringLike[`${P}:sub`] = ['org:org1:*'];
    const d = comparePolicies(base(), aws);
    expect(d).toEqual([{ path: `trustPolicy.Statement[0].Condition.StringLike["${P}:sub"]`, ours: ['org:org1:project:api:*', 'org:org1:project:web:*'], aws: ['org:org1:*'], message: expect.stringMatching(/other values/) }]);
  });
  it('a removed condition and an added one', () => {
    const aws = base();
    const cond = (aws.Statement[0] as { Condition: Record<string, unknown> }).Condition;
    delete cond.StringEquals;
    cond.StringNotEquals = { [`${P}:sub`]: 'x' };
    const paths = comparePolicies(base(), aws).map((x) => x.path);
    expect(paths).toEqual([`trustPolicy.Statement[0].Condition.StringEquals["${P}:aud"]`, `trustPolicy.Statement[0].Condition.StringNotEquals["${P}:sub"]`]);
  });
  it('condition values are case-sensitive', () => {
    const aws = base();
    (aws.Statement[0] as { Condition: { StringEquals: Record<string, string> } }).Condition.StringEquals[`${P}:aud`] = 'STS.amazonaws.com';
    expect(comparePolicies(base(), aws)).toHaveLength(1);
  });
  it('Effect, Principal and Action changes', () => {
    const aws = base() as { Statement: Array<Record<string, unknown>> };
    aws.Statement[0] = { ...aws.Statement[0], Effect: 'Deny', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/other' }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] };
    expect(comparePolicies(base(), aws).map((d) => d.path)).toEqual(['trustPolicy.Statement[0].Action', 'trustPolicy.Statement[0].Effect', 'trustPolicy.Statement[0].Principal']);
  });
  it('a missing Version is 2008-10-17, not the same as 2012-10-17', () => {
    const { Version: _v, ...noVersion } = base();
    expect(comparePolicies(base(), noVersion)).toEqual([{ path: 'trustPolicy.Version', ours: '2012-10-17', aws: '2008-10-17', message: expect.any(String) }]);
  });
  it('an extra statement in AWS and a statement missing there', () => {
    const extra = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' };
    expect(comparePolicies(base(), { ...base(), Statement: [...base().Statement, extra] })).toEqual([{ path: 'trustPolicy.Statement', ours: null, aws: extra, message: expect.stringMatching(/AWS has a statement/) }]);
    expect(comparePolicies({ ...base(), Statement: [...base().Statement, extra] }, base())).toEqual([{ path: 'trustPolicy.Statement[1]', ours: extra, aws: null, message: expect.stringMatching(/missing in AWS/) }]);
  });
  it('something that is not a policy object', () => expect(comparePolicies(base(), null)).toHaveLength(1));
});
