import { spawnSync } from 'node:child_process';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { ProviderSpec, RoleSpec } from '../resource-spec';
import { EXPORT_FORMATS, exportProvider, exportRole } from './index';
import { hclString, shellQuote } from './quote';

// The exports embed values people control (descriptions, client IDs, condition values): each is
// checked through a real parser — bash for the CLI script, HCL for Terraform, JSON for
// CloudFormation — so quoting cannot be "almost right".

const NASTY = `it's "quoted" $HOME \`id\` \${aws:username} %{x} \\ end`;
const provider: ProviderSpec = { orgId: 'o1', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:oidc-provider/tb.example.com/oidc/o1', issuerUrl: 'https://tb.example.com/oidc/o1', audiences: ['sts.amazonaws.com', NASTY], thumbprints: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'] };
const policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: provider.arn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'tb.example.com/oidc/o1:sub': [`org:o1:${NASTY}`, 'TRUSTBRIDGE_TRUST_POLICY'] } } }],
};
const role: RoleSpec = {
  orgId: 'o1',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:role/ci/deploy',
  roleName: 'deploy',
  path: '/ci/',
  description: `Deploys; it's "fine"`,
  maxSessionDuration: 7200,
  trustPolicy: JSON.stringify(policy),
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/extra'],
};

/** Runs a CLI export with `aws` replaced by a function that prints its arguments (and the policy file). */
function runCli(script: string): string[][] {
  const fake = [
    'aws() {',
    '  if [ "$1" = sts ]; then echo 123456789012; return; fi',
    '  printf "CALL"; for a in "$@"; do printf "\\x1f%s" "$a"; done; printf "\\n"',
    '  for a in "$@"; do case "$a" in file://*) printf "FILE\\x1f%s\\n" "$(tr -d "\\n" < "${a#file://}")";; esac; done',
    '}',
    'export -f aws',
  ].join('\n');
  const r = spawnSync('bash', ['-c', `${fake}\n${script.replace('#!/usr/bin/env bash\n', '')}`], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').map((line) => line.split('\x1f'));
}

describe('quoting', () => {
  it('shellQuote survives bash unchanged', () => {
    const r = spawnSync('bash', ['-c', `printf %s ${shellQuote(NASTY)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(NASTY);
  });
  it('hclString escapes interpolation and directives', () => expect(hclString('${a} %{b} "c"')).toBe('"$${a} %%{b} \\"c\\""'));
});

describe('CLI export', () => {
  it('provider: one create call with every client ID and thumbprint as its own word, plus the tag', () => {
    const calls = runCli(exportProvider(provider, 'cli').text);
    expect(calls).toEqual([
      ['CALL', 'iam', 'create-open-id-connect-provider', '--url', provider.issuerUrl, '--client-id-list', 'sts.amazonaws.com', NASTY, '--thumbprint-list', provider.thumbprints[0], '--tags', 'Key=trustbridge:org-id,Value=o1'],
    ]);
  });
  it('role: create-role with the policy file holding exactly the policy, then each attachment', () => {
    const calls = runCli(exportRole(role, 'cli').text);
    const create = calls[0] ?? [];
    expect(create.slice(0, 13)).toEqual(['CALL', 'iam', 'create-role', '--role-name', 'deploy', '--path', '/ci/', '--max-session-duration', '7200', '--description', role.description, '--assume-role-policy-document', expect.stringMatching(/^file:\/\//)]);
    expect(create.slice(13)).toEqual(['--tags', 'Key=trustbridge:org-id,Value=o1']);
    expect(calls[1]?.[0]).toBe('FILE');
    expect(JSON.parse(calls[1]?.[1] ?? '')).toEqual(policy);
    expect(calls.slice(2)).toEqual(role.managedPolicyArns.map((arn) => ['CALL', 'iam', 'attach-role-policy', '--role-name', 'deploy', '--policy-arn', arn]));
  });
  it('stops when the credentials are for another account', () => {
    const r = spawnSync('bash', ['-c', `aws() { echo 999999999999; }\n${exportRole(role, 'cli').text}`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/account 999999999999, not 123456789012/);
  });
});

describe('Terraform export', () => {
  it('provider: the resource with its arguments, parsed by a real HCL parser', async () => {
    const tf = (await parse('provider.tf', exportProvider(provider, 'terraform').text)) as { resource: Record<string, Record<string, Array<Record<string, unknown>>>> };
    const r = tf.resource.aws_iam_openid_connect_provider?.trustbridge?.[0];
    // hcl2json leaves template escapes as written ($${ stays $${): undo them like Terraform does.
    const unescape = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
    expect(r?.url).toBe(provider.issuerUrl);
    expect(unescape(r?.client_id_list)).toEqual(provider.audiences);
    expect(r?.thumbprint_list).toEqual(provider.thumbprints);
    expect(r?.tags).toEqual({ 'trustbridge:org-id': 'o1' });
  });
  it('role: the heredoc policy equals ours; attachments reference the role', async () => {
    const tf = (await parse('role.tf', exportRole(role, 'terraform').text)) as { resource: Record<string, Record<string, Array<Record<string, unknown>>>> };
    const r = tf.resource.aws_iam_role?.trustbridge_deploy?.[0];
    expect(r).toMatchObject({ name: 'deploy', path: '/ci/', description: role.description, max_session_duration: 7200, tags: { 'trustbridge:org-id': 'o1' } });
    const text = String(r?.assume_role_policy).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    expect(JSON.parse(text)).toEqual(policy);
    const attachments = Object.values(tf.resource.aws_iam_role_policy_attachment ?? {}).map((a) => a[0]);
    expect(attachments.map((a) => a?.policy_arn)).toEqual(role.managedPolicyArns);
    expect(attachments.every((a) => a?.role === '${aws_iam_role.trustbridge_deploy.name}')).toBe(true);
  });
});

describe('CloudFormation export', () => {
  it('provider and role templates carry the same values as JSON', () => {
    const p = JSON.parse(exportProvider(provider, 'cloudformation').text);
    expect(p.Resources.TrustbridgeOidcProvider).toEqual({ Type: 'AWS::IAM::OIDCProvider', Properties: { Url: provider.issuerUrl, ClientIdList: provider.audiences, ThumbprintList: provider.thumbprints, Tags: [{ Key: 'trustbridge:org-id', Value: 'o1' }] } });
    const r = JSON.parse(exportRole(role, 'cloudformation').text);
    expect(r.Resources.TrustbridgeRole).toEqual({
      Type: 'AWS::IAM::Role',
      Properties: { RoleName: 'deploy', Path: '/ci/', MaxSessionDuration: 7200, Description: role.description, AssumeRolePolicyDocument: policy, ManagedPolicyArns: role.managedPolicyArns, Tags: [{ Key: 'trustbridge:org-id', Value: 'o1' }] },
    });
  });
});

describe('console steps and file names', () => {
  it('numbered steps with the policy, and a warning when the console cannot set the path', () => {
    const text = exportRole(role, 'console').text;
    expect(text).toMatch(/^1\. The console cannot give a role a path \(\/ci\/\)/m);
    expect(text).toContain(JSON.stringify(policy, null, 2));
    expect(exportProvider(provider, 'console').text).toMatch(/Provider URL: https:\/\/tb\.example\.com\/oidc\/o1/);
  });
  it('every format has a file name and content type', () => {
    for (const format of EXPORT_FORMATS) {
      expect(exportRole(role, format).filename).toMatch(/^trustbridge-role-deploy\.(sh|template\.json|tf|txt)$/);
      expect(exportProvider(provider, format).contentType).toMatch(/charset=utf-8$/);
    }
  });
});
