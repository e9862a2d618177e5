import { describe, expect, it } from 'vitest';
import { isManagedPolicyArn, parseRoleArn, providerArn, roleArn } from './arn';
import { isValidRolePath, roleSessionNameFrom } from './limits';

describe('parseRoleArn', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/deploy', { partition: 'aws', accountId: '123456789012', path: '/', name: 'deploy' }],
    ['arn:aws:iam::123456789012:role/ci/prod/deploy', { partition: 'aws', accountId: '123456789012', path: '/ci/prod/', name: 'deploy' }],
    ['arn:aws-cn:iam::123456789012:role/x+=,.@_-y', { partition: 'aws-cn', accountId: '123456789012', path: '/', name: 'x+=,.@_-y' }],
    ['arn:aws-us-gov:iam::000000000000:role/a', { partition: 'aws-us-gov', accountId: '000000000000', path: '/', name: 'a' }],
  ])('accepts %s and round-trips it', (arn, parts) => {
    const parsed = parseRoleArn(arn);
    expect(parsed).toEqual({ ok: true, ...parts });
    if (parsed.ok) expect(roleArn(parsed)).toBe(arn);
  });

  it.each([
    ['arn:aws:iam::123456789012:user/alice', /names a user, not a role/],
    ['arn:aws:iam::12345678901:role/deploy', /12 digits/],
    ['arn:aws:iam::1234567890123:role/deploy', /12 digits/],
    ['arn:aws:sts::123456789012:assumed-role/deploy/s', /sts service/],
    ['arn:aws:iam:us-east-1:123456789012:role/deploy', /no region/],
    ['arn:aws-xx:iam::123456789012:role/deploy', /Unknown partition/],
    ['arn:aws:iam::123456789012:role/', /1–64/],
    [`arn:aws:iam::123456789012:role/${'a'.repeat(65)}`, /1–64/],
    ['arn:aws:iam::123456789012:role/bad name', /1–64/],
    ['arn:aws:iam::123456789012:role/a//b', /empty segment/],
    ['role/deploy', /looks like/],
    ['', /looks like/],
  ])('refuses %s', (arn, message) => {
    const parsed = parseRoleArn(arn);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('providerArn', () => {
  it('names the issuer without scheme and trailing slash', () => {
    expect(providerArn('aws', '123456789012', 'https://tb.example.com/oidc/abc/')).toBe('arn:aws:iam::123456789012:oidc-provider/tb.example.com/oidc/abc');
  });
});

describe('isManagedPolicyArn', () => {
  it.each(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::123456789012:policy/team/deploy'])('accepts %s', (arn) =>
    expect(isManagedPolicyArn(arn)).toBe(true),
  );
  it.each(['arn:aws:iam::aws:role/ReadOnlyAccess', 'arn:aws:iam::12345:policy/x', 'ReadOnlyAccess', 'arn:aws:iam::aws:policy/', 'arn:aws:iam::aws:policy/a//b'])('refuses %s', (arn) =>
    expect(isManagedPolicyArn(arn)).toBe(false),
  );
});

describe('role paths and session names', () => {
  it.each([['/', true], ['/ci/', true], ['/a/b/c/', true], ['ci/', false], ['/ci', false], ['//', false], ['/a//b/', false], [`/${'a'.repeat(511)}/`, false]])('path %s → %s', (path, ok) =>
    expect(isValidRolePath(path)).toBe(ok),
  );
  it('derives a valid RoleSessionName from any text', () => {
    expect(roleSessionNameFrom('web/prod env')).toBe('web-prod-env');
    expect(roleSessionNameFrom('x')).toBe('x-');
    expect(roleSessionNameFrom('ü'.repeat(100))).toMatch(/^-{64}$/);
  });
});
