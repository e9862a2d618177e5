import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZConnectionTestResult } from '../../lib/schemas/credentials';
import type { Db } from '../../lib/server/db/client';
import { recordRole, trustPolicyFor } from '../support/aws-records';
import { FAKE_STS_CASES, fakeRoleArn, startFakeSts, type FakeSts, type FakeStsCase } from '../support/fake-sts';
import { createEnvironment, createOrg, createProject, expectError, expectStatus, ownerWithOrg, signedInAdmin, unique, userWithRole } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';
import { openDatabase, sharedServerDatabase, startIsolatedServer, type IsolatedServer } from '../support/isolated-server';
import { MOTO_ACCOUNT_ID } from '../support/moto';
import { awsEmulatorEnv } from '../support/server';

// Test connection: mint a token for the environment (audited), pre-check it against the recorded
// role, AssumeRoleWithWebIdentity through the server, GetCallerIdentity with the result — and say
// step by step what happened. Success against moto (shared server); every failure class against
// a fake STS answering STS's real error bodies (a server of its own pointed at it).
const server = inject('server');
const ARN = (name: string) => `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/${name}`;

type Result = { ok: boolean; steps: { id: string; status: string; title: string; detail: string; fix?: string }[]; [k: string]: unknown };
const statuses = (r: Result) => r.steps.map((s) => `${s.id}:${s.status}`);
const step = (r: Result, id: string) => {
  const found = r.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const NO_AWS_SECRETS = /ASIA[A-Z0-9]{12,}|SecretAccessKey|secretAccessKey|SessionToken|sessionToken|eyJ[\w-]+\.[\w-]+\./;

describe('Test connection against moto', () => {
  let owner: TestClient;
  let orgId: string;
  let issuer: string;
  let project: { id: string; slug: string };
  let envId: string;
  let db: Db;
  const test = (body: unknown = {}, env = envId) => owner.post(`/api/v1/orgs/${orgId}/environments/${env}/test-connection`, body);

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    owner = a.owner.client;
    orgId = a.org.id;
    issuer = a.org.issuer;
    project = await createProject(owner, orgId, unique('tc'));
    envId = (await createEnvironment(owner, orgId, project.id, 'production', 'live')).id;
    db = openDatabase(sharedServerDatabase());
  });
  afterAll(() => db?.$disconnect());

  it('nothing effective → 404 no_credential', async () => {
    expectError(await test(), 404, 'no_credential');
  });

  it('succeeds step by step with the effective credential; the AWS credentials never leave the server; audited with its result', async () => {
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: 'Org', roleArn: ARN('tc-role') }), 201);
    const r = expectStatus(await test(), 200);
    const body = r.json as Result;
    expect(ZConnectionTestResult.strict().safeParse(body).error).toBeUndefined();
    expect(body.ok).toBe(true);
    expect(statuses(body)).toEqual(['resolve:ok', 'mint:ok', 'precheck:skipped', 'assume:ok', 'identity:ok']);
    expect(body).toMatchObject({ tested: 'effective', source: 'organization', roleArn: ARN('tc-role'), durationSeconds: 3600, audience: 'sts.amazonaws.com', roleSessionName: `${project.slug}.live`, account: MOTO_ACCOUNT_ID });
    expect(String(body.assumedRoleArn)).toBe(`arn:aws:sts::${MOTO_ACCOUNT_ID}:assumed-role/tc-role/${project.slug}.live`);
    expect(Date.parse(String(body.expiration))).toBeGreaterThan(Date.now());
    expect(step(body, 'precheck').detail).toMatch(/not recorded/);
    expect(r.text).not.toMatch(NO_AWS_SECRETS);

    const audit = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?targetId=${envId}&limit=10`), 200).json.items as { action: string; after: Record<string, unknown> }[];
    expect(audit.map((e) => e.action).slice(0, 2)).toEqual(['connection.test', 'id_token.mint']);
    expect(audit[0]?.after).toMatchObject({ ok: true, tested: 'effective', source: 'organization', roleArn: ARN('tc-role'), failedStep: null, assumedRoleArn: body.assumedRoleArn });
    expect(audit[1]?.after).toMatchObject({ purpose: 'test_connection', audience: 'sts.amazonaws.com' });
    expect(JSON.stringify(audit.slice(0, 2))).not.toMatch(NO_AWS_SECRETS);
  });

  it('pre-checks against the recorded trust policy: admitted → ok, naming the statement', async () => {
    await recordRole(db, { orgId, accountId: MOTO_ACCOUNT_ID, name: 'tc-admits', trustPolicy: trustPolicyFor(issuer, MOTO_ACCOUNT_ID, `org:${orgId}:project:*`) });
    const ov = expectStatus(await owner.put(`/api/v1/orgs/${orgId}/environments/${envId}/override`, { roleArn: ARN('tc-admits') }), 201).json;
    const body = expectStatus(await test(), 200).json as Result;
    expect(statuses(body)).toEqual(['resolve:ok', 'mint:ok', 'precheck:ok', 'assume:ok', 'identity:ok']);
    expect(step(body, 'precheck').detail).toMatch(/admits this token \(statement 1 "Trustbridge"\)/);
    expect(body).toMatchObject({ ok: true, source: 'environment' });
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/environments/${envId}/override?version=${ov.version}`), 204);
  });

  it('STS is the authority: the record refuses (failing condition named) but moto accepts → ok, and it says the role in AWS differs from the record', async () => {
    await recordRole(db, { orgId, accountId: MOTO_ACCOUNT_ID, name: 'tc-refuses', trustPolicy: trustPolicyFor(issuer, MOTO_ACCOUNT_ID, `org:${orgId}:project:other:*`) });
    const credential = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: unique('refuses'), roleArn: ARN('tc-refuses'), projectId: project.id }), 201).json;
    const body = expectStatus(await test({ credentialId: credential.id }), 200).json as Result;
    expect(body).toMatchObject({ ok: true, tested: 'credential', source: 'project', credentialId: credential.id });
    expect(statuses(body)).toEqual(['resolve:ok', 'mint:ok', 'precheck:failed', 'assume:ok', 'identity:ok']);
    expect(step(body, 'precheck').detail).toMatch(/would refuse this token.*StringLike.*:sub/);
    expect(step(body, 'assume').detail).toMatch(/STS accepted although the recorded trust policy would refuse/);
    expect(step(body, 'assume').fix).toMatch(/Verify the role/);
  });

  it('a duration above the recorded MaxSessionDuration is flagged before STS is asked', async () => {
    const p = await createProject(owner, orgId);
    const env = await createEnvironment(owner, orgId, p.id);
    const credential = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: unique('long'), roleArn: ARN('tc-long'), projectId: p.id, durationSeconds: 7200 }), 201).json;
    await recordRole(db, { orgId, accountId: MOTO_ACCOUNT_ID, name: 'tc-long', maxSessionDuration: 3600, trustPolicy: trustPolicyFor(issuer, MOTO_ACCOUNT_ID, `org:${orgId}:*`) });
    const body = expectStatus(await test({ credentialId: credential.id }, env.id), 200).json as Result;
    expect(step(body, 'precheck')).toMatchObject({ status: 'failed', fix: expect.stringMatching(/at most 3600/) });
  });

  it('the token cannot be minted (audience no longer allowed) → mint failed with its fix, the rest skipped, ok false', async () => {
    const settings = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer`), 200).json;
    const widened = expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/issuer`, { audiences: ['sts.amazonaws.com', 'api://gone'], version: settings.version }), 200).json;
    const p = await createProject(owner, orgId);
    const env = await createEnvironment(owner, orgId, p.id);
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: unique('aud'), roleArn: ARN('tc-aud'), projectId: p.id, audience: 'api://gone' }), 201);
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/issuer`, { audiences: ['sts.amazonaws.com'], version: widened.version }), 200);
    const body = expectStatus(await test({}, env.id), 200).json as Result;
    expect(body.ok).toBe(false);
    expect(statuses(body)).toEqual(['resolve:ok', 'mint:failed', 'precheck:skipped', 'assume:skipped', 'identity:skipped']);
    expect(step(body, 'mint').fix).toMatch(/allowed audiences/);
  });

  it('a credential that is not this organization’s → 400 naming credentialId; admins only; outsiders 404', async () => {
    const b = await ownerWithOrg(server);
    const foreign = expectStatus(await b.owner.client.post(`/api/v1/orgs/${b.org.id}/credentials`, { name: 'B', roleArn: ARN('b') }), 201).json;
    expect(expectError(await test({ credentialId: foreign.id }), 400, 'invalid_request').issues[0].path).toBe('credentialId');
    const member = await userWithRole(owner, server, orgId, 'member');
    const refused: HttpResult = await member.client.post(`/api/v1/orgs/${orgId}/environments/${envId}/test-connection`, {});
    expect([refused.status, refused.json.error.code]).toEqual([403, 'forbidden']);
    const outsider: HttpResult = await b.owner.client.post(`/api/v1/orgs/${b.org.id}/environments/${envId}/test-connection`, {});
    expect([outsider.status, outsider.json.error.code]).toEqual([404, 'not_found']);
  });
});

describe('Test connection explains every STS refusal (fake STS with real error bodies)', () => {
  let fake: FakeSts;
  let isolated: IsolatedServer;
  let admin: TestClient;
  let orgId: string;
  let issuer: string;
  let envId: string;
  let db: Db;
  let overrideVersion: number | null = null;

  const testRole = async (roleArn: string): Promise<Result> => {
    const put = expectStatus(await admin.put(`/api/v1/orgs/${orgId}/environments/${envId}/override`, { roleArn, ...(overrideVersion ? { version: overrideVersion } : {}) }), overrideVersion ? 200 : 201).json;
    overrideVersion = put.version;
    return expectStatus(await admin.post(`/api/v1/orgs/${orgId}/environments/${envId}/test-connection`, {}), 200).json as Result;
  };

  beforeAll(async () => {
    fake = await startFakeSts();
    isolated = await startIsolatedServer({ env: awsEmulatorEnv(fake.url) });
    admin = await signedInAdmin(isolated);
    const org = await createOrg(admin);
    orgId = org.id;
    issuer = org.issuer;
    const project = await createProject(admin, orgId, 'app');
    envId = (await createEnvironment(admin, orgId, project.id, 'production', 'prod')).id;
    db = openDatabase(isolated.database);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await isolated?.stop();
    await fake?.stop();
  });

  const cases: [FakeStsCase, string, RegExp][] = [
    ['no-provider', 'no_provider', /provider step of the AWS setup wizard/],
    ['wrong-audience', 'incorrect_audience', /Add "sts\.amazonaws\.com" to the provider's client IDs/],
    ['no-jwks', 'verification_key', /PUBLIC_URL must be a public https URL/],
    ['idp-down', 'idp_communication', /PUBLIC_URL must be a public https URL/],
    ['expired', 'expired_token', /clock/],
    ['throttled', 'throttled', /Retry after a short wait/],
    ['too-long', 'duration_exceeds_max', /MaxSessionDuration/],
    ['access-denied', 'access_denied', /Record the role in the AWS wizard/],
    ['unreachable', 'unreachable', /network access to AWS STS/],
  ];

  it.each(cases)('%s → assume failed, cause %s, with its fix; identity skipped; audited', async (which, cause, fix) => {
    const body = await testRole(fakeRoleArn(which));
    expect(ZConnectionTestResult.strict().safeParse(body).error).toBeUndefined();
    expect(body.ok).toBe(false);
    expect(statuses(body)).toEqual(['resolve:ok', 'mint:ok', 'precheck:skipped', 'assume:failed', 'identity:skipped']);
    expect(body.cause).toBe(cause);
    if (which !== 'unreachable') expect(body.awsErrorCode).toBe(FAKE_STS_CASES[which].code);
    expect(step(body, 'assume').fix).toMatch(fix);
    expect(JSON.stringify(body)).not.toMatch(NO_AWS_SECRETS);
    const last = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit?action=connection.test&limit=1`), 200).json.items[0];
    expect(last.after).toMatchObject({ ok: false, failedStep: 'assume', cause, roleArn: fakeRoleArn(which) });
  });

  it('AccessDenied with the role recorded: names the failing condition from the evaluator', async () => {
    await recordRole(db, { orgId, accountId: '123456789012', name: 'access-denied', trustPolicy: trustPolicyFor(issuer, '123456789012', `org:${orgId}:project:app:environment:staging`) });
    const body = await testRole(fakeRoleArn('access-denied'));
    expect(step(body, 'precheck').status).toBe('failed');
    expect(step(body, 'assume').fix).toMatch(/The trust policy refuses it here: StringLike .*:sub/);
  });

  it('AccessDenied although the recorded policy admits: the role in AWS differs from the record', async () => {
    await db.awsRole.updateMany({ where: { orgId, nameKey: 'access-denied' }, data: { trustPolicy: JSON.stringify(trustPolicyFor(issuer, '123456789012', `org:${orgId}:*`)) } });
    const body = await testRole(fakeRoleArn('access-denied'));
    expect(step(body, 'precheck').status).toBe('ok');
    expect(step(body, 'assume').fix).toMatch(/differs from the record/);
  });

  it('ValidationError with the role recorded: quotes the recorded MaxSessionDuration', async () => {
    await recordRole(db, { orgId, accountId: '123456789012', name: 'too-long', maxSessionDuration: 3600, trustPolicy: trustPolicyFor(issuer, '123456789012', `org:${orgId}:*`) });
    const body = await testRole(fakeRoleArn('too-long'));
    expect(step(body, 'assume').detail).toMatch(/recorded MaxSessionDuration of too-long is 3600 s/);
  });

  it('STS received the environment’s token for the role, with the session name derived from the environment', () => {
    const seen = fake.requests.filter((q) => q.Action === 'AssumeRoleWithWebIdentity');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ RoleSessionName: 'app.prod', DurationSeconds: '3600' });
    expect(seen[0]?.WebIdentityToken).toMatch(/^<\d+ chars>$/);
  });
});
