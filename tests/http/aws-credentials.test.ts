import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_ACTIONS, type AwsOperation } from '../../lib/domain/aws/required-permissions';
import { awsPath, cli, managedPolicy, providerInCli, roleInCli } from '../support/aws';
import { createOrg, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';
import { startIsolatedServer, type IsolatedServer } from '../support/isolated-server';
import { startMoto, type RunningMoto } from '../support/moto';
import { awsEmulatorEnv } from '../support/server';

// Real credential checks: an emulator that enforces IAM authentication and policies (moto with
// INITIAL_NO_AUTH_ACTION_COUNT), users made in it, and a server whose own credentials (the default
// chain) are one of them. Pasted credentials that AWS rejects, or that lack a permission, are
// explained; the minimal actions the wizard lists are enough.

interface Key {
  accessKeyId: string;
  secretAccessKey: string;
}

let moto: RunningMoto;
let server: IsolatedServer;
let admin: TestClient;
let org: { id: string; issuer: string };
let root: Record<string, string>;

function userWithPolicy(actions: readonly string[]): Key {
  const name = unique('user');
  cli(moto, ['iam', 'create-user', '--user-name', name], root);
  // moto evaluates IAM actions against Resource "*" only, so the emulator can check the actions
  // the wizard lists, not the ARN scoping of requiredPolicy (unit-tested).
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
  cli(moto, ['iam', 'put-user-policy', '--user-name', name, '--policy-name', 'trustbridge', '--policy-document', document], root);
  const key = (cli(moto, ['iam', 'create-access-key', '--user-name', name], root) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

beforeAll(async () => {
  // Three unauthenticated actions make the emulator's first user, with every permission; after them it enforces.
  moto = await startMoto({ enforceAuth: true, initialNoAuthActions: 3 });
  cli(moto, ['iam', 'create-user', '--user-name', 'root-ish']);
  const key = (cli(moto, ['iam', 'create-access-key', '--user-name', 'root-ish']) as { AccessKey: Key & { AccessKeyId: string; SecretAccessKey: string } }).AccessKey;
  cli(moto, ['iam', 'put-user-policy', '--user-name', 'root-ish', '--policy-name', 'all', '--policy-document', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}']);
  root = { AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };
  server = await startIsolatedServer({ env: { ...awsEmulatorEnv(moto.url), ...root } });
  admin = await signedInAdmin(server);
  org = await createOrg(admin);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await moto?.stop();
});

const refusal = (r: HttpResult, status: number, code: string) => {
  expect(r.status, r.text.slice(0, 400)).toBe(status);
  expect(r.json.error.code).toBe(code);
  return r.json.error;
};

describe('the server’s own credentials (default chain)', () => {
  it('without pasted credentials the provider and role are created with the server’s; the AWS CLI reads them back', async () => {
    const p = expectStatus(await admin.post(`${awsPath(org.id)}/providers`, { accountId: '123456789012', apply: true }), 201).json;
    expect(providerInCli(moto, p.arn, root)?.ClientIDList).toEqual(['sts.amazonaws.com']);
    const name = unique('default-chain');
    const r = expectStatus(await admin.post(`${awsPath(org.id)}/roles`, { accountId: '123456789012', roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true }), 201).json;
    expect(roleInCli(moto, name, root)?.AssumeRolePolicyDocument).toEqual(r.trustPolicy);
    expect(expectStatus(await admin.post(`${awsPath(org.id)}/roles/${r.id}/verify`), 200).json.inSync).toBe(true);
  });
});

describe('pasted credentials AWS rejects', () => {
  it('an unknown access key → 400 aws_invalid_credentials; nothing recorded', async () => {
    const name = unique('unknown-key');
    const error = refusal(await admin.post(`${awsPath(org.id)}/roles`, { accountId: '123456789012', roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: { accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'nope' } }), 400, 'aws_invalid_credentials');
    expect(error.awsCode).toBe('InvalidClientTokenId');
    expect(error.message).toMatch(/Paste the access key id, secret access key/);
    expect(roleInCli(moto, name, root)).toBeNull();
  });

  it('a wrong secret for a real key → 400 aws_invalid_credentials (SignatureDoesNotMatch)', async () => {
    const key = userWithPolicy(REQUIRED_ACTIONS['role.apply']);
    const error = refusal(await admin.post(`${awsPath(org.id)}/roles`, { accountId: '123456789012', roleName: unique('bad-secret'), trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: { ...key, secretAccessKey: 'not-the-secret' } }), 400, 'aws_invalid_credentials');
    expect(error.awsCode).toBe('SignatureDoesNotMatch');
  });

  it('a missing permission → 403 aws_access_denied naming the IAM action, with the minimal policy for the step', async () => {
    const key = userWithPolicy(REQUIRED_ACTIONS['role.apply'].filter((a) => a !== 'iam:CreateRole'));
    const name = unique('denied');
    const error = refusal(await admin.post(`${awsPath(org.id)}/roles`, { accountId: '123456789012', roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: key }), 403, 'aws_access_denied');
    expect(error).toMatchObject({ missingAction: 'iam:CreateRole', operation: 'role.apply', awsCode: 'AccessDenied' });
    expect(error.message).toMatch(/AWS refused iam:CreateRole on arn:aws:iam::123456789012:role\//);
    expect(error.requiredPolicy).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'TrustbridgeApplyRole', Effect: 'Allow', Action: [...REQUIRED_ACTIONS['role.apply']], Resource: error.record.arn }] });
    expect(error.record.lastApply.steps.map((s: { action: string; status: string }) => `${s.action} ${s.status}`)).toEqual(['iam:GetRole done', 'iam:CreateRole failed']);
    expect(roleInCli(moto, name, root)).toBeNull();

    const other = await createOrg(admin);
    const denied = refusal(await admin.post(`${awsPath(other.id)}/providers`, { accountId: '123456789012', apply: true, awsCredentials: userWithPolicy(['iam:GetRole']) }), 403, 'aws_access_denied');
    expect(denied.missingAction).toBe('iam:CreateOpenIDConnectProvider');
  });
});

describe('the minimal permissions the wizard lists are enough', () => {
  it.each([
    ['provider', ['provider.apply', 'provider.verify', 'provider.adopt', 'provider.delete-in-aws']],
    ['role', ['role.apply', 'role.verify', 'role.adopt', 'role.delete-in-aws']],
  ] as const)('%s: apply, verify, adopt and delete-in-aws with exactly those actions', async (kind, operations: readonly AwsOperation[]) => {
    const key = userWithPolicy([...new Set(operations.flatMap((op) => REQUIRED_ACTIONS[op]))]);
    const target = await createOrg(admin);
    const base = `${awsPath(target.id)}/${kind === 'provider' ? 'providers' : 'roles'}`;
    const policyArn = managedPolicy(moto, unique('attach'), root);
    const body = kind === 'provider' ? { accountId: '123456789012' } : { accountId: '123456789012', roleName: unique('minimal'), trustPolicy: { preset: 'this-organization' }, managedPolicyArns: [policyArn] };
    const record = expectStatus(await admin.post(base, { ...body, apply: true, awsCredentials: key }), 201).json;
    expect(record.status).toBe('applied');
    expect(expectStatus(await admin.post(`${base}/${record.id}/verify`, { awsCredentials: key }), 200).json.inSync).toBe(true);
    expectStatus(await admin.post(`${base}/${record.id}/adopt`, { version: record.version, awsCredentials: key }), 200);
    expectStatus(await admin.post(`${base}/${record.id}/delete-in-aws`, { confirm: true, awsCredentials: key }), 200);
    if (kind === 'role') expect(roleInCli(moto, record.roleName, root)).toBeNull();
    else expect(providerInCli(moto, record.arn, root)).toBeNull();
  });
});
