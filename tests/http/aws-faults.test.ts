import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsPath, orgTrustPolicy } from '../support/aws';
import { iamError, iamOk, members, startFakeIam, type FakeIam } from '../support/fake-iam';
import { createOrg, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';
import { startIsolatedServer, type IsolatedServer } from '../support/isolated-server';
import { awsEmulatorEnv, freePort } from '../support/server';

// AWS faults the emulator cannot produce, on servers of their own: one whose IAM/STS endpoint is a
// fake answering with IAM's real XML documents (throttling, quotas, malformed policies, failures,
// the client-ID calls moto lacks — and a record of every call, so "no AWS call" is exact), with
// credentials of its own (the default chain); and one with an http PUBLIC_URL and an endpoint
// nobody listens on.

const PASTED = { accessKeyId: 'AKIAPASTEDKEY0000001', secretAccessKey: 'pasted-secret-for-the-fake' };
const SERVER_KEY = 'AKIASERVERDEFAULT001';

let fake: FakeIam;
let server: IsolatedServer;
let admin: TestClient;
let org: { id: string; issuer: string };

beforeAll(async () => {
  fake = await startFakeIam();
  server = await startIsolatedServer({ env: { ...awsEmulatorEnv(fake.url), AWS_ACCESS_KEY_ID: SERVER_KEY, AWS_SECRET_ACCESS_KEY: 'server-default-secret' } });
  admin = await signedInAdmin(server);
  org = await createOrg(admin);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

const refusal = (r: HttpResult, status: number, code: string) => {
  expect(r.status, r.text.slice(0, 400)).toBe(status);
  expect(r.json.error.code).toBe(code);
  return r.json.error;
};
const role = (extra: Record<string, unknown> = {}) => ({ accountId: '123456789012', roleName: unique('fault'), trustPolicy: orgTrustPolicy(org.id, org.issuer), apply: true, awsCredentials: PASTED, ...extra });
const noRole = (call: { action: string }) => (call.action === 'GetRole' ? iamError(404, 'NoSuchEntity', 'The role with name x cannot be found.') : undefined);

describe('AWS error classes through the API (a fake IAM endpoint with real XML bodies)', () => {
  it('throttling: retried with backoff (3 attempts), then 429 aws_throttled with Retry-After; the record says where it stopped', async () => {
    fake.reset();
    fake.handle((c) => (c.action === 'GetRole' ? iamError(400, 'Throttling', 'Rate exceeded') : undefined));
    const r = await admin.post(`${awsPath(org.id)}/roles`, role());
    const error = refusal(r, 429, 'aws_throttled');
    expect(r.headers['retry-after']).toBe('30');
    expect(fake.iamCalls().map((c) => c.action)).toEqual(['GetRole', 'GetRole', 'GetRole']);
    expect(error.record).toMatchObject({ status: 'failed', lastApply: { ok: false, steps: [{ action: 'iam:GetRole', status: 'failed', error: { code: 'aws_throttled' } }] } });
  });

  it('quota: 409 aws_limit_exceeded after the role lookup', async () => {
    fake.reset();
    fake.handle((c) => noRole(c) ?? (c.action === 'CreateRole' ? iamError(409, 'LimitExceeded', 'Cannot exceed quota for RolesPerAccount: 1000') : undefined));
    const error = refusal(await admin.post(`${awsPath(org.id)}/roles`, role()), 409, 'aws_limit_exceeded');
    expect(error.message).toMatch(/quota/);
    expect(error.record.lastApply.steps.map((s: { action: string; status: string }) => `${s.action} ${s.status}`)).toEqual(['iam:GetRole done', 'iam:CreateRole failed']);
  });

  it('malformed policy: 400 aws_malformed_policy with what AWS said', async () => {
    fake.reset();
    fake.handle((c) => noRole(c) ?? (c.action === 'CreateRole' ? iamError(400, 'MalformedPolicyDocument', 'Invalid principal in policy') : undefined));
    const error = refusal(await admin.post(`${awsPath(org.id)}/roles`, role()), 400, 'aws_malformed_policy');
    expect(error.message).toMatch(/Invalid principal in policy/);
    expect(fake.iamCalls().map((c) => c.action)).toEqual(['GetRole', 'CreateRole']);
  });

  it('an AWS failure: 502 aws_error', async () => {
    fake.reset();
    fake.handle((c) => (c.action === 'GetRole' ? iamError(500, 'ServiceFailure', 'Internal failure') : undefined));
    refusal(await admin.post(`${awsPath(org.id)}/roles`, role()), 502, 'aws_error');
  });

  it('the calls themselves: CreateRole with the policy, path, duration, description and tag; then the attachment', async () => {
    fake.reset();
    fake.handle((c) => noRole(c) ?? (c.action === 'CreateRole' || c.action === 'AttachRolePolicy' ? iamOk(c.action, c.action === 'CreateRole' ? '<Role><Path>/ci/</Path><RoleName>x</RoleName><RoleId>AROAFAKE</RoleId><Arn>arn:aws:iam::123456789012:role/ci/x</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument></Role>' : '') : undefined));
    const body = role({ path: '/ci/', maxSessionDuration: 7200, description: 'wire', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const r = expectStatus(await admin.post(`${awsPath(org.id)}/roles`, body), 201).json;
    const [, create, attach] = fake.iamCalls();
    expect(create?.params).toMatchObject({ RoleName: body.roleName, Path: '/ci/', MaxSessionDuration: '7200', Description: 'wire', 'Tags.member.1.Key': 'trustbridge:org-id', 'Tags.member.1.Value': org.id });
    expect(JSON.parse(create?.params.AssumeRolePolicyDocument ?? '')).toEqual(r.trustPolicy);
    expect(attach?.params).toMatchObject({ RoleName: body.roleName, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  });
});

describe('provider client IDs on the wire (calls the emulator does not implement)', () => {
  it('an existing provider: missing client IDs added; with prune, the ones only AWS has are removed', async () => {
    const other = await createOrg(admin);
    const arn = `arn:aws:iam::123456789012:oidc-provider/${other.issuer.replace(/^https:\/\//, '')}`;
    let clientIds = ['someone-else'];
    fake.reset();
    fake.handle((c) => {
      if (c.action === 'CreateOpenIDConnectProvider') return iamError(409, 'EntityAlreadyExists', 'Provider with url https://x already exists.');
      if (c.action === 'GetOpenIDConnectProvider') return iamOk(c.action, `<Url>${other.issuer.replace(/^https:\/\//, '')}</Url>${members('ClientIDList', clientIds)}${members('ThumbprintList', [])}<CreateDate>2026-01-01T00:00:00Z</CreateDate>`);
      if (c.action === 'AddClientIDToOpenIDConnectProvider') {
        clientIds = [...clientIds, c.params.ClientID ?? ''];
        return iamOk(c.action);
      }
      if (c.action === 'RemoveClientIDFromOpenIDConnectProvider') {
        clientIds = clientIds.filter((id) => id !== c.params.ClientID);
        return iamOk(c.action);
      }
      return undefined;
    });
    const p = expectStatus(await admin.post(`${awsPath(other.id)}/providers`, { accountId: '123456789012', apply: true, awsCredentials: PASTED }), 201).json;
    expect(fake.iamCalls().map((c) => [c.action, c.params.ClientID ?? c.params.Url ?? c.params.OpenIDConnectProviderArn])).toEqual([
      ['CreateOpenIDConnectProvider', other.issuer],
      ['GetOpenIDConnectProvider', arn],
      ['AddClientIDToOpenIDConnectProvider', 'sts.amazonaws.com'],
    ]);
    expect(fake.iamCalls()[0]?.params).toMatchObject({ 'ClientIDList.member.1': 'sts.amazonaws.com', 'Tags.member.1.Key': 'trustbridge:org-id', 'Tags.member.1.Value': other.id });
    expect(fake.iamCalls()[2]?.params.OpenIDConnectProviderArn).toBe(arn);
    expect(p.lastApply.extra).toEqual({ clientIds: ['someone-else'] });

    fake.calls.length = 0;
    expectStatus(await admin.post(`${awsPath(other.id)}/providers/${p.id}/apply`, { prune: true, awsCredentials: PASTED }), 200);
    expect(fake.iamCalls().map((c) => [c.action, c.params.ClientID ?? null])).toEqual([
      ['CreateOpenIDConnectProvider', null],
      ['GetOpenIDConnectProvider', null],
      ['RemoveClientIDFromOpenIDConnectProvider', 'someone-else'],
    ]);
    expect(clientIds).toEqual(['sts.amazonaws.com']);
  });
});

describe('credentials', () => {
  it('pasted credentials sign every call of that request; without them the server’s own (default chain) do', async () => {
    fake.reset();
    fake.handle((c) => (c.action === 'GetRole' ? iamError(404, 'NoSuchEntity', 'gone') : c.action === 'ListAttachedRolePolicies' ? iamOk(c.action, '<AttachedPolicies/><IsTruncated>false</IsTruncated>') : undefined));
    const r = expectStatus(await admin.post(`${awsPath(org.id)}/roles`, { ...role(), apply: false }), 201).json;
    expectStatus(await admin.post(`${awsPath(org.id)}/roles/${r.id}/verify`, { awsCredentials: PASTED }), 200);
    expect(new Set(fake.calls.map((c) => c.accessKeyId))).toEqual(new Set([PASTED.accessKeyId]));
    fake.calls.length = 0;
    expectStatus(await admin.post(`${awsPath(org.id)}/roles/${r.id}/verify`, {}), 200);
    expect(fake.calls.map((c) => c.action)).toEqual(['GetCallerIdentity', 'GetRole']);
    expect(new Set(fake.calls.map((c) => c.accessKeyId))).toEqual(new Set([SERVER_KEY]));
  });

  it('credentials of another account: 400 aws_account_mismatch and no IAM call at all', async () => {
    fake.reset();
    fake.account = '999999999999';
    const name = unique('other-account');
    refusal(await admin.post(`${awsPath(org.id)}/roles`, role({ roleName: name })), 400, 'aws_account_mismatch');
    expect(fake.calls.map((c) => c.action)).toEqual(['GetCallerIdentity']);
    expect((expectStatus(await admin.get(`${awsPath(org.id)}/roles`), 200).json.items as { roleName: string }[]).some((x) => x.roleName === name)).toBe(false);
  });

  it('bad input never reaches AWS: not one request', async () => {
    fake.reset();
    const noSub = orgTrustPolicy(org.id, org.issuer);
    delete (noSub.Statement[0]?.Condition as Record<string, unknown>).StringLike;
    const bodies: [string, unknown, number][] = [
      ['roles', role({ roleName: 'bad name' }), 400],
      ['roles', role({ maxSessionDuration: 50_000 }), 400],
      ['roles', role({ trustPolicy: '{"Statement":' }), 400],
      ['roles', role({ trustPolicy: noSub }), 400],
      ['roles', role({ managedPolicyArns: ['arn:aws:iam::aws:role/NotAPolicy'] }), 400],
      ['providers', { accountId: '123456789012', thumbprints: ['x'], apply: true, awsCredentials: PASTED }, 400],
      ['providers', { accountId: '1234', apply: true, awsCredentials: PASTED }, 400],
    ];
    for (const [kind, body, status] of bodies) expect((await admin.post(`${awsPath(org.id)}/${kind}`, body)).status).toBe(status);
    expect(fake.calls).toEqual([]);
  });
});

describe('a server AWS cannot use as an issuer, with an unreachable AWS endpoint', () => {
  let plain: IsolatedServer;
  let client: TestClient;
  let plainOrg: { id: string; issuer: string };

  beforeAll(async () => {
    const port = await freePort();
    const closed = await freePort();
    plain = await startIsolatedServer({ port, publicUrl: `http://127.0.0.1:${port}`, env: { ...awsEmulatorEnv(`http://127.0.0.1:${closed}`), AWS_ACCESS_KEY_ID: SERVER_KEY, AWS_SECRET_ACCESS_KEY: 'x' } });
    client = await signedInAdmin(plain);
    plainOrg = await createOrg(client);
  }, 120_000);
  afterAll(async () => plain?.stop());

  it('provider apply → 400 issuer_not_usable_by_aws explaining https without a port; recording alone works', async () => {
    const error = refusal(await client.post(`${awsPath(plainOrg.id)}/providers`, { accountId: '123456789012', apply: true }), 400, 'issuer_not_usable_by_aws');
    expect(error.message).toMatch(/AWS only trusts https issuers.*Set PUBLIC_URL to the https origin of the TLS proxy/);
    expect(error.issuer).toBe(plainOrg.issuer);
    expect(expectStatus(await client.get(`${awsPath(plainOrg.id)}/providers`), 200).json.items).toEqual([]);
    const recorded = expectStatus(await client.post(`${awsPath(plainOrg.id)}/providers`, { accountId: '123456789012' }), 201).json;
    refusal(await client.post(`${awsPath(plainOrg.id)}/providers/${recorded.id}/apply`, {}), 400, 'issuer_not_usable_by_aws');
    expect(expectStatus(await client.get(`${awsPath(plainOrg.id)}/trust-chain`), 200).json.issuerUsableByAws).toEqual({ ok: false, reason: expect.stringMatching(/https/) });
  });

  it('an endpoint nobody answers → 502 aws_unreachable, and nothing is recorded', async () => {
    const name = unique('unreachable');
    const error = refusal(await client.post(`${awsPath(plainOrg.id)}/roles`, { accountId: '123456789012', roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true }), 502, 'aws_unreachable');
    expect(error.message).toMatch(/did not answer/);
    expect(expectStatus(await client.get(`${awsPath(plainOrg.id)}/roles`), 200).json.items).toEqual([]);
  });
});
