import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attachedInCli, awsPath, cli, managedPolicy, pastedCredentials, providerInCli, roleInCli } from '../support/aws';
import { createEnvironment, createOrg, createProject, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { motoClient, MOTO_ACCOUNT_ID, startMoto, type RunningMoto } from '../support/moto';

// "I'll do it myself" must produce what "Trustbridge does it" produces. The API applies a provider
// and a role to the shared emulator; the exports of the same records are then run by real tools
// against fresh emulators — the CLI script with the real AWS CLI (endpoint from AWS_ENDPOINT_URL_IAM
// only), the CloudFormation template with `aws cloudformation create-stack` (moto creates the role;
// its OIDCProvider is checked by parsing) — and the Terraform file is read by a real HCL parser.

const server = inject('server');
const shared = motoClient(inject('motoUrl'));
const creds = pastedCredentials('exports');

let admin: TestClient;
let org: { id: string; issuer: string };
let provider: { id: string; arn: string; audiences: string[]; thumbprints: string[] };
let role: { id: string; arn: string; roleName: string; trustPolicy: Record<string, unknown> };
let policyName: string;
let fresh: RunningMoto;
let work: string;

const exported = async (kind: 'providers' | 'roles', id: string, format: string) => expectStatus(await admin.get(`${awsPath(org.id)}/${kind}/${id}/export?format=${format}`), 200).text;

beforeAll(async () => {
  admin = await signedInAdmin(server);
  org = await createOrg(admin);
  const project = await createProject(admin, org.id, 'web');
  await createEnvironment(admin, org.id, project.id, 'production', 'prod');
  policyName = unique('exported-policy');
  const policyArn = managedPolicy(shared, policyName);
  provider = expectStatus(await admin.post(`${awsPath(org.id)}/providers`, { accountId: MOTO_ACCOUNT_ID, audiences: ['sts.amazonaws.com', 'deploy-tool'], thumbprints: ['0123456789abcdef0123456789abcdef01234567'], apply: true, awsCredentials: creds }), 201).json;
  role = expectStatus(
    await admin.post(`${awsPath(org.id)}/roles`, {
      accountId: MOTO_ACCOUNT_ID,
      roleName: unique('exported'),
      path: '/ci/',
      maxSessionDuration: 5400,
      description: `Deploys "web" (it's quoted, café $HOME)`,
      trustPolicy: { preset: 'this-project', projectSlug: 'web' },
      managedPolicyArns: [policyArn],
      apply: true,
      awsCredentials: creds,
    }),
    201,
  ).json;
  fresh = await startMoto();
  work = mkdtempSync(path.join(tmpdir(), 'trustbridge-exports-'));
}, 120_000);

afterAll(async () => {
  await fresh?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs a script with bash and the real AWS CLI; the emulator comes only from the SDK's endpoint variables. */
function runScript(name: string, script: string, moto: RunningMoto): void {
  const file = path.join(work, name);
  writeFileSync(file, script, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: work, ...moto.clientEnv() };
  const r = spawnSync('bash', [file], { encoding: 'utf8', env, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${name} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
}

describe('AWS CLI export, run with the real AWS CLI', () => {
  it('provider: the script creates the same provider the API created', async () => {
    const script = await exported('providers', provider.id, 'cli');
    expect(script).not.toContain('--endpoint-url');
    runScript('provider.sh', script, fresh);
    const byApi = providerInCli(shared, provider.arn);
    const byScript = providerInCli(fresh, provider.arn);
    expect(byScript).toEqual({ ...byApi, CreateDate: expect.any(String) });
    expect(byScript?.ClientIDList.sort()).toEqual(['deploy-tool', 'sts.amazonaws.com']);
  });

  it('role: the script creates the same role, trust policy and attachments', async () => {
    managedPolicy(fresh, policyName);
    const script = await exported('roles', role.id, 'cli');
    runScript('role.sh', script, fresh);
    const byApi = roleInCli(shared, role.roleName);
    const byScript = roleInCli(fresh, role.roleName);
    const comparable = (r: typeof byApi) => ({ Path: r?.Path, RoleName: r?.RoleName, Arn: r?.Arn, MaxSessionDuration: r?.MaxSessionDuration, Description: r?.Description, AssumeRolePolicyDocument: r?.AssumeRolePolicyDocument, Tags: r?.Tags });
    expect(comparable(byScript)).toEqual(comparable(byApi));
    expect(byScript?.AssumeRolePolicyDocument).toEqual(role.trustPolicy);
    expect(byScript?.Description).toBe(`Deploys "web" (it's quoted, café $HOME)`);
    expect(attachedInCli(fresh, role.roleName)).toEqual(attachedInCli(shared, role.roleName));
  });

  it('refuses to run with credentials of another account', async () => {
    const file = path.join(work, 'wrong-account.sh');
    writeFileSync(file, await exported('roles', role.id, 'cli'));
    const fake = path.join(work, 'bin');
    spawnSync('mkdir', ['-p', fake]);
    writeFileSync(path.join(fake, 'aws'), '#!/bin/sh\necho 999999999999\n', { mode: 0o755 });
    const r = spawnSync('bash', [file], { encoding: 'utf8', env: { NODE_ENV: 'test', PATH: `${fake}:${process.env.PATH ?? ''}`, HOME: work } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/for account 999999999999, not 123456789012/);
  });
});

describe('CloudFormation export', () => {
  it('role: `aws cloudformation create-stack` creates the same role in the emulator', async () => {
    const cfn = await startMoto();
    try {
      managedPolicy(cfn, policyName);
      const template = await exported('roles', role.id, 'cloudformation');
      const file = path.join(work, 'role.template.json');
      writeFileSync(file, template);
      cli(cfn, ['cloudformation', 'create-stack', '--stack-name', 'trustbridge-role', '--template-body', `file://${file}`, '--capabilities', 'CAPABILITY_NAMED_IAM']);
      const stack = cli(cfn, ['cloudformation', 'describe-stacks', '--stack-name', 'trustbridge-role']) as { Stacks: { StackStatus: string; Outputs?: { OutputKey: string; OutputValue: string }[] }[] };
      expect(stack.Stacks[0]?.StackStatus).toBe('CREATE_COMPLETE');
      const created = roleInCli(cfn, role.roleName);
      const byApi = roleInCli(shared, role.roleName);
      expect(created).toMatchObject({ Path: '/ci/', Arn: role.arn, MaxSessionDuration: 5400, Description: byApi?.Description });
      expect(created?.AssumeRolePolicyDocument).toEqual(role.trustPolicy);
      expect(created?.Tags).toEqual(byApi?.Tags);
      // moto's CloudFormation ignores ManagedPolicyArns (moto/iam/models.py Role.create_from_cloudformation_json): parsed instead.
      expect(JSON.parse(template).Resources.TrustbridgeRole.Properties.ManagedPolicyArns).toEqual(attachedInCli(shared, role.roleName));
    } finally {
      await cfn.stop();
    }
  });

  it('provider: the AWS::IAM::OIDCProvider resource carries the record (moto cannot deploy it: checked by parsing)', async () => {
    const template = JSON.parse(await exported('providers', provider.id, 'cloudformation'));
    expect(Object.values(template.Resources)).toEqual([
      { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: org.issuer, ClientIdList: provider.audiences, ThumbprintList: provider.thumbprints, Tags: [{ Key: 'trustbridge:org-id', Value: org.id }] } },
    ]);
    expect(template.Outputs.ProviderArn.Value).toEqual({ Ref: 'TrustbridgeOidcProvider' });
  });
});

describe('Terraform export, read by a real HCL parser', () => {
  // hcl2json returns template text as written; Terraform turns $${ into ${ and %%{ into %{.
  const terraformText = (value: unknown) => String(value).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  type Resources = Record<string, Record<string, Array<Record<string, unknown>>>>;

  it('provider: aws_iam_openid_connect_provider with the URL, client IDs, thumbprints and tag', async () => {
    const tf = (await parse('provider.tf', await exported('providers', provider.id, 'terraform'))) as { resource: Resources };
    expect(Object.keys(tf.resource)).toEqual(['aws_iam_openid_connect_provider']);
    expect(tf.resource.aws_iam_openid_connect_provider?.trustbridge?.[0]).toEqual({ url: org.issuer, client_id_list: provider.audiences, thumbprint_list: provider.thumbprints, tags: { 'trustbridge:org-id': org.id } });
  });

  it('role: aws_iam_role with its arguments and exactly our trust policy; one attachment per managed policy', async () => {
    const tf = (await parse('role.tf', await exported('roles', role.id, 'terraform'))) as { resource: Resources };
    expect(Object.keys(tf.resource).sort()).toEqual(['aws_iam_role', 'aws_iam_role_policy_attachment']);
    const [label, blocks] = Object.entries(tf.resource.aws_iam_role ?? {})[0] ?? [];
    const r = blocks?.[0] ?? {};
    expect({ ...r, assume_role_policy: undefined }).toEqual({ name: role.roleName, path: '/ci/', description: `Deploys "web" (it's quoted, café $HOME)`, max_session_duration: 5400, assume_role_policy: undefined, tags: { 'trustbridge:org-id': org.id } });
    expect(JSON.parse(terraformText(r.assume_role_policy))).toEqual(role.trustPolicy);
    const attachments = Object.values(tf.resource.aws_iam_role_policy_attachment ?? {}).map((a) => a[0]);
    expect(attachments).toEqual([{ role: `\${aws_iam_role.${label}.name}`, policy_arn: attachedInCli(shared, role.roleName)[0] }]);
  });
});

describe('console steps', () => {
  it('numbered steps naming every value to enter', async () => {
    const text = await exported('roles', role.id, 'console');
    expect(text).toMatch(/^1\. The console cannot give a role a path \(\/ci\/\)/m);
    expect(text).toContain(JSON.stringify(role.trustPolicy, null, 2));
    expect(text).toContain('Maximum session duration: 5400 seconds');
    const providerText = await exported('providers', provider.id, 'console');
    expect(providerText).toContain(`Provider URL: ${org.issuer}`);
    expect(providerText).toContain('deploy-tool');
  });
});
