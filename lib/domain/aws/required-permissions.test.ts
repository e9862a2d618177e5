import { describe, expect, it } from 'vitest';
import { AWS_OPERATIONS, REQUIRED_ACTIONS, requiredPolicy, requiredPolicyFor } from './required-permissions';

describe('requiredPolicy', () => {
  it('scopes each operation to the one provider or role', () => {
    const provider = requiredPolicy('provider.apply', { accountId: '123456789012', providerArn: 'arn:aws:iam::123456789012:oidc-provider/tb.example.com/oidc/o1' });
    expect(provider).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'TrustbridgeApplyOidcProvider', Effect: 'Allow', Action: [...REQUIRED_ACTIONS['provider.apply']], Resource: 'arn:aws:iam::123456789012:oidc-provider/tb.example.com/oidc/o1' }],
    });
    expect(requiredPolicy('role.verify', { accountId: '123456789012', roleArn: 'arn:aws:iam::123456789012:role/ci/deploy' }).Statement[0]?.Resource).toBe('arn:aws:iam::123456789012:role/ci/deploy');
  });
  it('falls back to every provider / role of the account when the ARN is not known yet', () => {
    expect(requiredPolicy('role.apply', { accountId: '123456789012' }).Statement[0]?.Resource).toBe('arn:aws:iam::123456789012:role/*');
    expect(requiredPolicy('provider.verify', { accountId: '123456789012', partition: 'aws-cn' }).Statement[0]?.Resource).toBe('arn:aws-cn:iam::123456789012:oidc-provider/*');
  });
  it('names the actions each step calls (tags need their own action; GetCallerIdentity needs none)', () => {
    expect(REQUIRED_ACTIONS['provider.apply']).toEqual(expect.arrayContaining(['iam:CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider', 'iam:AddClientIDToOpenIDConnectProvider']));
    expect(REQUIRED_ACTIONS['role.apply']).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:TagRole', 'iam:UpdateAssumeRolePolicy', 'iam:UpdateRole', 'iam:AttachRolePolicy']));
    expect(REQUIRED_ACTIONS['role.delete-in-aws']).toEqual(expect.arrayContaining(['iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DeleteRole']));
    for (const op of AWS_OPERATIONS) expect(REQUIRED_ACTIONS[op].some((a) => a.startsWith('sts:'))).toBe(false);
  });
  it('combines operations into one policy', () => expect(requiredPolicyFor(['provider.apply', 'role.apply'], { accountId: '123456789012' }).Statement).toHaveLength(2));
});
