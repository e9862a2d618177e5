import { describe, expect, it } from 'vitest';
import { ZApplyAwsRecord, ZCreateAwsProvider, ZCreateAwsRole, ZDeleteInAws, ZExportQuery, ZUpdateAwsProvider, ZUpdateAwsRole } from './aws';

// Every AWS limit Trustbridge enforces before calling AWS (PRODUCT.md "AWS facts",
// lib/domain/aws/limits.ts), refused with the exact field.
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));
const ACCOUNT = '123456789012';
const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/x' }, Action: 'sts:AssumeRoleWithWebIdentity' }] };
const role = (extra: Record<string, unknown>) => ({ accountId: ACCOUNT, roleName: 'deploy', trustPolicy: POLICY, ...extra });
const T40 = 'a'.repeat(40);

describe('ZCreateAwsProvider', () => {
  it.each([
    [{ accountId: ACCOUNT }, []],
    [{ accountId: '12345678901' }, ['accountId']],
    [{ accountId: '1234567890123' }, ['accountId']],
    [{ accountId: '12345678901a' }, ['accountId']],
    [{ accountId: ACCOUNT, audiences: [] }, ['audiences']],
    [{ accountId: ACCOUNT, audiences: [''] }, ['audiences.0']],
    [{ accountId: ACCOUNT, audiences: ['x'.repeat(256)] }, ['audiences.0']],
    [{ accountId: ACCOUNT, audiences: ['x'.repeat(255)] }, []],
    [{ accountId: ACCOUNT, audiences: Array.from({ length: 101 }, (_, i) => `a${i}`) }, ['audiences']],
    [{ accountId: ACCOUNT, audiences: Array.from({ length: 100 }, (_, i) => `a${i}`) }, []],
    [{ accountId: ACCOUNT, audiences: ['a', 'a'] }, ['audiences']],
    [{ accountId: ACCOUNT, thumbprints: [T40, T40.toUpperCase(), 'b'.repeat(40), 'c'.repeat(40), 'd'.repeat(40)] }, []],
    [{ accountId: ACCOUNT, thumbprints: Array.from({ length: 6 }, () => T40) }, ['thumbprints']],
    [{ accountId: ACCOUNT, thumbprints: ['a'.repeat(39)] }, ['thumbprints.0']],
    [{ accountId: ACCOUNT, thumbprints: ['g'.repeat(40)] }, ['thumbprints.0']],
    [{ accountId: ACCOUNT, awsCredentials: { accessKeyId: 'short', secretAccessKey: '' } }, ['awsCredentials.accessKeyId', 'awsCredentials.secretAccessKey']],
    [{ accountId: ACCOUNT, awsCredentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's', extra: 1 } }, ['awsCredentials']],
    [{ accountId: ACCOUNT, apply: 'yes' }, ['apply']],
    [{ accountId: ACCOUNT, url: 'https://evil.example.com' }, ['']],
  ])('%j → errors at %j', (body, errorPaths) => expect(paths(ZCreateAwsProvider.safeParse(body))).toEqual(errorPaths));

  it('defaults: no thumbprints, no apply', () => expect(ZCreateAwsProvider.parse({ accountId: ACCOUNT })).toEqual({ accountId: ACCOUNT, thumbprints: [], apply: false }));
  it('update: version required, the account cannot change', () => {
    expect(paths(ZUpdateAwsProvider.safeParse({ audiences: ['a'] }))).toEqual(['version']);
    expect(paths(ZUpdateAwsProvider.safeParse({ version: 1, accountId: '999999999999' }))).toEqual(['accountId']);
  });
});

describe('ZCreateAwsRole', () => {
  it.each([
    [role({}), []],
    [role({ roleName: '' }), ['roleName']],
    [role({ roleName: 'a'.repeat(64) }), []],
    [role({ roleName: 'a'.repeat(65) }), ['roleName']],
    [role({ roleName: 'has space' }), ['roleName']],
    [role({ roleName: 'x+=,.@_-Y' }), []],
    [role({ roleName: 'slash/no' }), ['roleName']],
    [role({ path: '/ci/deploy/' }), []],
    [role({ path: 'ci/' }), ['path']],
    [role({ path: '/ci' }), ['path']],
    [role({ path: '/a//b/' }), ['path']],
    [role({ path: `/${'a'.repeat(511)}/` }), ['path']],
    [role({ path: '/caf\u00e9/' }), ['path']],
    [role({ maxSessionDuration: 3599 }), ['maxSessionDuration']],
    [role({ maxSessionDuration: 43201 }), ['maxSessionDuration']],
    [role({ maxSessionDuration: 3600.5 }), ['maxSessionDuration']],
    [role({ maxSessionDuration: 43200 }), []],
    [role({ description: 'x'.repeat(1001) }), ['description']],
    [role({ description: 'emoji \u{1F600}' }), ['description']],
    [role({ managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/Deploy'] }), []],
    [role({ managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:s3:::bucket'] }), ['managedPolicyArns.1']],
    [role({ managedPolicyArns: ['arn:aws:iam::12345:policy/x'] }), ['managedPolicyArns.0']],
    [role({ managedPolicyArns: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/A'] }), ['managedPolicyArns']],
    [role({ managedPolicyArns: Array.from({ length: 21 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`) }), ['managedPolicyArns']],
    [role({ trustPolicy: undefined }), ['trustPolicy']],
    [role({ trustPolicy: 42 }), ['trustPolicy']],
    [role({ trustPolicy: 'x'.repeat(65_537) }), ['trustPolicy']],
    [role({ trustPolicyId: '01m8474fmb8q3dvcafhgt5c8g9' }), ['trustPolicyId']],
    [role({ trustPolicy: undefined, trustPolicyId: 'nope' }), ['trustPolicyId']],
    [role({ trustPolicy: { preset: 'everyone' } }), ['trustPolicy.preset']],
    [role({ trustPolicy: { rows: [{ key: 'k', operator: 'StringMatches', values: ['v'] }] } }), ['trustPolicy.rows.0.operator']],
    [role({ trustPolicy: { rows: [{ key: 'k', operator: 'StringLike', values: [] }] } }), ['trustPolicy.rows.0.values']],
  ])('%j → errors at %j', (body, errorPaths) => expect(paths(ZCreateAwsRole.safeParse(body))).toEqual(errorPaths));

  it('tells the trust policy forms apart', () => {
    expect(ZCreateAwsRole.parse(role({})).trustPolicy).toEqual({ kind: 'json', policy: POLICY });
    expect(ZCreateAwsRole.parse(role({ trustPolicy: JSON.stringify(POLICY) })).trustPolicy).toEqual({ kind: 'json', policy: JSON.stringify(POLICY) });
    expect(ZCreateAwsRole.parse(role({ trustPolicy: { preset: 'this-project', projectSlug: 'web' } })).trustPolicy).toEqual({ kind: 'preset', choice: { preset: 'this-project', projectSlug: 'web' } });
    expect(ZCreateAwsRole.parse(role({ trustPolicy: { rows: [{ key: 'k', operator: 'StringLike', values: ['v'] }] } })).trustPolicy).toEqual({
      kind: 'rows',
      rows: { rows: [{ key: 'k', operator: 'StringLike', negated: false, ifExists: false, qualifier: null, values: ['v'] }] },
    });
  });

  it('update: name, path and account are immutable; version is required', () => {
    expect(paths(ZUpdateAwsRole.safeParse({ version: 1, roleName: 'x', path: '/a/', accountId: ACCOUNT }))).toEqual(['accountId', 'roleName', 'path']);
    expect(paths(ZUpdateAwsRole.safeParse({ description: 'x' }))).toEqual(['version']);
  });
});

describe('action bodies', () => {
  it('delete-in-aws needs confirm: true', () => {
    expect(paths(ZDeleteInAws.safeParse({}))).toEqual(['confirm']);
    expect(paths(ZDeleteInAws.safeParse({ confirm: false }))).toEqual(['confirm']);
    expect(ZDeleteInAws.safeParse({ confirm: true }).success).toBe(true);
  });
  it('apply: prune defaults to false', () => expect(ZApplyAwsRecord.parse({})).toEqual({ prune: false }));
  it('export: a known format', () => {
    expect(paths(ZExportQuery.safeParse({ format: 'pulumi' }))).toEqual(['format']);
    expect(ZExportQuery.parse({ format: 'terraform', download: '1' })).toEqual({ format: 'terraform', download: '1' });
  });
});
