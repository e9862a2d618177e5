import { describe, expect, it } from 'vitest';
import { compareProvider, compareRole, type RoleWanted } from './drift';

const provider = { arn: 'arn:aws:iam::123456789012:oidc-provider/tb.example.com/oidc/o1', issuerUrl: 'https://tb.example.com/oidc/o1', audiences: ['sts.amazonaws.com', 'b'], thumbprints: [] as string[] };

describe('compareProvider', () => {
  it('in sync: URL without scheme, client IDs in any order', () => {
    expect(compareProvider(provider, { url: 'tb.example.com/oidc/o1', clientIds: ['b', 'sts.amazonaws.com'], thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'] })).toEqual([]);
  });
  it('a provider gone from AWS is one difference', () => {
    expect(compareProvider(provider, null)).toEqual([{ path: 'provider', ours: provider.arn, aws: null, message: 'The OIDC provider does not exist in AWS.' }]);
  });
  it('client IDs added or removed behind our back', () => {
    const [d] = compareProvider(provider, { url: 'tb.example.com/oidc/o1', clientIds: ['sts.amazonaws.com', 'intruder'], thumbprints: [] });
    expect(d).toEqual({ path: 'audiences', ours: ['b', 'sts.amazonaws.com'], aws: ['intruder', 'sts.amazonaws.com'], message: 'The client IDs (audiences) differ (missing in AWS: b; only in AWS: intruder).' });
  });
  it('pinned thumbprints count (case-insensitively); AWS-computed ones do not when none are pinned', () => {
    const pinned = { ...provider, thumbprints: ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] };
    expect(compareProvider(pinned, { url: 'tb.example.com/oidc/o1', clientIds: provider.audiences, thumbprints: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'] })).toEqual([]);
    expect(compareProvider(pinned, { url: 'tb.example.com/oidc/o1', clientIds: provider.audiences, thumbprints: ['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'] }).map((d) => d.path)).toEqual(['thumbprints']);
  });
});

const role: RoleWanted = {
  arn: 'arn:aws:iam::123456789012:role/ci/deploy',
  path: '/ci/',
  description: '',
  maxSessionDuration: 3600,
  trustPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:x' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }),
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
};

describe('compareRole', () => {
  const inAws = { ...role, trustPolicy: encodeURIComponent(JSON.stringify({ Statement: { Action: ['sts:AssumeRoleWithWebIdentity'], Principal: { Federated: ['arn:x'] }, Effect: 'Allow' }, Version: '2012-10-17' })) };
  it('in sync with the URL-encoded, differently shaped policy IAM returns', () => expect(compareRole(role, inAws)).toEqual([]));
  it('a role gone from AWS is one difference', () => expect(compareRole(role, null)).toEqual([{ path: 'role', ours: role.arn, aws: null, message: 'The role does not exist in AWS.' }]));
  it('settings, policy and attachments, each with its path', () => {
    const changed = { ...inAws, maxSessionDuration: 7200, description: 'edited', managedPolicyArns: [], trustPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:y' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }) };
    expect(compareRole(role, changed).map((d) => d.path)).toEqual(['maxSessionDuration', 'description', 'trustPolicy.Statement[0].Principal', 'managedPolicyArns']);
  });
});
