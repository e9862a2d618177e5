import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ZPage } from '../../lib/schemas/common';
import { ZAwsProvider, ZAwsRole, ZRoleVerifyResult, ZTrustChain } from '../../lib/schemas/aws';
import { awsPath, orgTrustPolicy, pastedCredentials, providerInCli, roleInCli } from '../support/aws';
import { createEnvironment, createOrg, createProject, expectStatus, ownerWithOrg, signedInAdmin, unique } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';
import { motoClient, MOTO_ACCOUNT_ID } from '../support/moto';

// The records themselves: every bad body is a 400 naming the field and reaches no AWS API (the
// emulator has nothing afterwards), lint errors block, names collide case-insensitively, stale
// versions conflict, another organization's records are missing ones, the trust policy can come
// from IAM JSON, builder rows or a saved policy, and the read models the wizard UI uses.

const server = inject('server');
const moto = motoClient(inject('motoUrl'));
const creds = pastedCredentials('records');

let admin: TestClient;
let org: { id: string; issuer: string };
let base: string;
let prefix: string;

beforeAll(async () => {
  admin = await signedInAdmin(server);
  org = await createOrg(admin);
  base = awsPath(org.id);
  prefix = org.issuer.replace(/^https:\/\//, '');
  const web = await createProject(admin, org.id, 'web');
  await createEnvironment(admin, org.id, web.id, 'production', 'prod');
});

const refusal = (r: HttpResult, status: number, code: string) => {
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  expect(r.json.error.code).toBe(code);
  return r.json.error as { message: string; issues?: { path: string; message: string }[]; [k: string]: unknown };
};
const issuePaths = (r: HttpResult) => (r.json.error.issues as { path: string }[]).map((i) => i.path);

describe('bad input: 400 with the field, and no AWS call', () => {
  const role = (extra: Record<string, unknown>) => ({ accountId: MOTO_ACCOUNT_ID, roleName: unique('bad'), trustPolicy: orgTrustPolicy(org.id, org.issuer), apply: true, awsCredentials: creds, ...extra });

  it.each([
    ['roleName with a space', 'roleName', { roleName: 'has space' }],
    ['roleName of 65 characters', 'roleName', { roleName: 'x'.repeat(65) }],
    ['path without slashes', 'path', { path: 'no-slashes' }],
    ['path with an empty segment', 'path', { path: '/a//b/' }],
    ['MaxSessionDuration 3599', 'maxSessionDuration', { maxSessionDuration: 3599 }],
    ['MaxSessionDuration 43201', 'maxSessionDuration', { maxSessionDuration: 43201 }],
    ['description of 1001 characters', 'description', { description: 'x'.repeat(1001) }],
    ['a managed policy ARN of S3', 'managedPolicyArns.1', { managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:s3:::not-a-policy'] }],
    ['a 5-digit account id', 'accountId', { accountId: '12345' }],
    ['a number as trust policy', 'trustPolicy', { trustPolicy: 12 }],
    ['an unknown preset', 'trustPolicy.preset', { trustPolicy: { preset: 'everyone' } }],
    ['a malformed access key id', 'awsCredentials.accessKeyId', { awsCredentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } }],
  ])('role: %s → 400 at %s', async (_label, path, extra) => {
    const body = role(extra);
    const r = await admin.post(`${base}/roles`, body);
    refusal(r, 400, 'invalid_request');
    expect(issuePaths(r)).toEqual([path]);
    if (typeof body.roleName === 'string' && /^[\w+=,.@-]{1,64}$/.test(body.roleName)) expect(roleInCli(moto, body.roleName)).toBeNull();
  });

  it('invalid JSON in the trust policy → 400 invalid_policy naming trustPolicy, with the position', async () => {
    const body = role({ trustPolicy: '{"Version": "2012-10-17", "Statement": [' });
    const error = refusal(await admin.post(`${base}/roles`, body), 400, 'invalid_policy');
    expect(error.issues).toEqual([{ path: 'trustPolicy', message: expect.stringMatching(/line 1/) }]);
    expect(roleInCli(moto, String(body.roleName))).toBeNull();
  });

  it('a trust policy over IAM’s 4096-character maximum → 400 naming trustPolicy', async () => {
    const big = orgTrustPolicy(org.id, org.issuer);
    (big.Statement[0]?.Condition.StringLike as Record<string, unknown>)[`${prefix}:sub`] = Array.from({ length: 80 }, (_, i) => `org:${org.id}:project:p${i}:environment:*`);
    const body = role({ trustPolicy: big });
    const error = refusal(await admin.post(`${base}/roles`, body), 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'trustPolicy', message: expect.stringMatching(/IAM accepts at most 4096/) }]);
    expect(roleInCli(moto, String(body.roleName))).toBeNull();
  });

  it('lint errors block (400 lint_errors with the findings); nothing is recorded or created', async () => {
    const noSub = orgTrustPolicy(org.id, org.issuer);
    delete (noSub.Statement[0]?.Condition as Record<string, unknown>).StringLike;
    const body = role({ trustPolicy: noSub });
    const error = refusal(await admin.post(`${base}/roles`, body), 400, 'lint_errors');
    expect(error.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'missing-sub-condition', severity: 'error' })]));
    expect(error.issues?.every((i) => i.path === 'trustPolicy')).toBe(true);
    expect(roleInCli(moto, String(body.roleName))).toBeNull();
    const listed = expectStatus(await admin.get(`${base}/roles`), 200).json.items as { roleName: string }[];
    expect(listed.some((r) => r.roleName === body.roleName)).toBe(false);
  });

  it('a trust policy for the provider of another account → 400; IAM only trusts its own account’s provider', async () => {
    const body = role({ trustPolicy: orgTrustPolicy(org.id, org.issuer, '111122223333') });
    const error = refusal(await admin.post(`${base}/roles`, body), 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'trustPolicy', message: expect.stringMatching(/account 111122223333, but the role is in account 123456789012/) }]);
  });

  it.each([
    ['101 client IDs', 'audiences', { audiences: Array.from({ length: 101 }, (_, i) => `client-${i}`) }],
    ['a client ID of 256 characters', 'audiences.0', { audiences: ['x'.repeat(256)] }],
    ['a thumbprint that is not hex', 'thumbprints.0', { thumbprints: ['z'.repeat(40)] }],
    ['6 thumbprints', 'thumbprints', { thumbprints: Array.from({ length: 6 }, (_, i) => String(i).repeat(40)) }],
    ['an account id with letters', 'accountId', { accountId: '0123456789ab' }],
  ])('provider: %s → 400 at %s, and no provider in AWS', async (_label, path, extra) => {
    const other = await createOrg(admin);
    const r = await admin.post(`${awsPath(other.id)}/providers`, { accountId: MOTO_ACCOUNT_ID, apply: true, awsCredentials: creds, ...extra });
    refusal(r, 400, 'invalid_request');
    expect(issuePaths(r)).toEqual([path]);
    expect(providerInCli(moto, `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${other.issuer.replace(/^https:\/\//, '')}`)).toBeNull();
  });
});

describe('before AWS is changed', () => {
  it('credentials of another account → 400 aws_account_mismatch, nothing recorded', async () => {
    const name = unique('mismatch');
    const error = refusal(await admin.post(`${base}/roles`, { accountId: '111122223333', roleName: name, trustPolicy: orgTrustPolicy(org.id, org.issuer, '111122223333'), apply: true, awsCredentials: creds }), 400, 'aws_account_mismatch');
    expect(error.message).toMatch(/belong to account 123456789012, but this record is for account 111122223333/);
    expect(error.issues).toEqual([{ path: 'awsCredentials', message: expect.any(String) }]);
    expect(expectStatus(await admin.get(`${base}/roles?accountId=111122223333`), 200).json.items).toEqual([]);
    const p = refusal(await admin.post(`${base}/providers`, { accountId: '111122223333', apply: true, awsCredentials: creds }), 400, 'aws_account_mismatch');
    expect(p.awsAccountId).toBe(MOTO_ACCOUNT_ID);
    expect(expectStatus(await admin.get(`${base}/providers?accountId=111122223333`), 200).json.items).toEqual([]);
  });

  it('no pasted credentials and none on the server → 400 aws_credentials_missing, nothing recorded', async () => {
    const name = unique('nocreds');
    const error = refusal(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true }), 400, 'aws_credentials_missing');
    expect(error.message).toMatch(/paste temporary credentials/);
    expect(roleInCli(moto, name)).toBeNull();
    expect(((expectStatus(await admin.get(`${base}/roles`), 200).json.items) as { roleName: string }[]).some((r) => r.roleName === name)).toBe(false);
  });

  it('recorded without apply: nothing in AWS until apply; an action without a body uses the server’s credentials', async () => {
    const name = unique('later');
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' } }), 201).json;
    expect(r).toMatchObject({ status: 'recorded', lastApply: null, lastVerification: null, verification: { state: 'never_verified', at: null } });
    expect(roleInCli(moto, name)).toBeNull();
    refusal(await admin.request('POST', `${base}/roles/${r.id}/verify`, { contentType: null }), 400, 'aws_credentials_missing');
    refusal(await admin.request('POST', `${base}/roles/${r.id}/apply`, { rawBody: '', contentType: 'application/json' }), 400, 'aws_credentials_missing');
    refusal(await admin.request('POST', `${base}/roles/${r.id}/apply`, { rawBody: 'prune=true', contentType: 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });
});

describe('conflicts and concurrency', () => {
  it('role names are unique case-insensitively per account (409 naming roleName); another account is fine', async () => {
    const name = unique('Deploy');
    expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' } }), 201);
    const error = refusal(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name.toUpperCase(), trustPolicy: { preset: 'this-organization' } }), 409, 'already_exists');
    expect(error.issues).toEqual([{ path: 'roleName', message: expect.stringMatching(/case-insensitive/) }]);
    expectStatus(await admin.post(`${base}/roles`, { accountId: '210987654321', roleName: name, trustPolicy: { preset: 'this-organization' } }), 201);
  });

  it('one provider record per account (409 naming accountId)', async () => {
    const other = await createOrg(admin);
    expectStatus(await admin.post(`${awsPath(other.id)}/providers`, { accountId: '333344445555' }), 201);
    const error = refusal(await admin.post(`${awsPath(other.id)}/providers`, { accountId: '333344445555' }), 409, 'already_exists');
    expect(error.issues?.[0]?.path).toBe('accountId');
  });

  it('a stale version → 409 version_conflict and nothing changes', async () => {
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('v'), trustPolicy: { preset: 'this-organization' } }), 201).json;
    const first = expectStatus(await admin.patch(`${base}/roles/${r.id}`, { version: r.version, description: 'first' }), 200).json;
    expect(first.version).toBe(r.version + 1);
    const error = refusal(await admin.patch(`${base}/roles/${r.id}`, { version: r.version, description: 'second' }), 409, 'version_conflict');
    expect(error.currentVersion).toBe(first.version);
    expect(expectStatus(await admin.get(`${base}/roles/${r.id}`), 200).json).toMatchObject({ description: 'first', version: first.version });
    refusal(await admin.post(`${base}/roles/${r.id}/apply`, { version: r.version, awsCredentials: creds }), 409, 'version_conflict');
    expect(roleInCli(moto, r.roleName)).toBeNull();
    const p = expectStatus(await admin.post(`${base}/providers`, { accountId: '444455556666' }), 201).json;
    expectStatus(await admin.patch(`${base}/providers/${p.id}`, { version: p.version, audiences: ['a'] }), 200);
    refusal(await admin.patch(`${base}/providers/${p.id}`, { version: p.version, audiences: ['b'] }), 409, 'version_conflict');
  });

  it('the name, path and account of a role cannot change', async () => {
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('fixed'), trustPolicy: { preset: 'this-organization' } }), 201).json;
    const rename = await admin.patch(`${base}/roles/${r.id}`, { version: r.version, roleName: 'other' });
    refusal(rename, 400, 'invalid_request');
    expect(rename.json.error.issues).toEqual([{ path: 'roleName', message: expect.stringMatching(/IAM cannot rename a role/) }]);
  });
});

describe('trust policy sources', () => {
  it('a saved trust policy: the record copies it and keeps the link and the builder choice', async () => {
    const saved = expectStatus(await admin.post(`/api/v1/orgs/${org.id}/trust-policies`, { name: unique('saved'), policy: orgTrustPolicy(org.id, org.issuer), builder: { preset: 'this-organization' } }), 201).json;
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('saved'), trustPolicyId: saved.id }), 201).json;
    expect(r).toMatchObject({ trustPolicyId: saved.id, builder: { preset: 'this-organization' } });
    expect(r.trustPolicy).toEqual(saved.document);
    const foreign = await ownerWithOrg(server);
    const error = refusal(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('x'), trustPolicyId: (await foreignPolicy(foreign.owner.client, foreign.org)).id }), 400, 'invalid_request');
    expect(error.issues?.[0]?.path).toBe('trustPolicyId');
  });

  it('builder rows: the provider principal and audience come from the record; bad rows name their index', async () => {
    const rows = [{ key: `${prefix}:sub`, operator: 'StringEquals', values: [`org:${org.id}:project:web:environment:prod`] }];
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('rows'), trustPolicy: { rows } }), 201).json;
    expect(r.builder).toEqual({ preset: 'custom' });
    expect(r.trustPolicy.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${org.id}:project:web:environment:prod` } },
    });
    expect(r.reach.admittedCount).toBe(1);
    const bad = await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('rows'), trustPolicy: { rows: [...rows, { key: 'aws:PrincipalTag/x', operator: 'Bool', negated: true, values: ['true'] }] } });
    refusal(bad, 400, 'invalid_request');
    expect(issuePaths(bad)).toEqual(['trustPolicy.rows.1']);
  });

  it('presets check their project and environments', async () => {
    const bad = await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('p'), trustPolicy: { preset: 'this-project', projectSlug: 'nope' } });
    refusal(bad, 400, 'invalid_request');
    expect(issuePaths(bad)).toEqual(['trustPolicy.projectSlug']);
  });
});

async function foreignPolicy(client: TestClient, other: { id: string; issuer: string }) {
  return expectStatus(await client.post(`/api/v1/orgs/${other.id}/trust-policies`, { name: unique('theirs'), policy: orgTrustPolicy(other.id, other.issuer) }), 201).json as { id: string };
}

describe('another organization’s records are missing ones', () => {
  it('every route answers 404 for them, under their org and smuggled under one’s own; nothing changes', async () => {
    const victim = await ownerWithOrg(server);
    const theirs = awsPath(victim.org.id);
    const provider = expectStatus(await victim.owner.client.post(`${theirs}/providers`, { accountId: '555566667777' }), 201).json;
    const role = expectStatus(await victim.owner.client.post(`${theirs}/roles`, { accountId: '555566667777', roleName: unique('victim'), trustPolicy: { preset: 'this-organization' } }), 201).json;
    const outsider = await ownerWithOrg(server);
    const mine = awsPath(outsider.org.id);
    for (const [kind, id, version] of [['providers', provider.id, provider.version], ['roles', role.id, role.version]] as const) {
      for (const root of [theirs, mine]) {
        const at = `${root}/${kind}/${id}`;
        const calls: [string, string, unknown?][] = [
          ['GET', at],
          ['PATCH', at, { version, description: 'hijacked', ...(kind === 'providers' ? { description: undefined, audiences: ['hijacked'] } : {}) }],
          ['DELETE', at],
          ['POST', `${at}/apply`, { awsCredentials: creds }],
          ['POST', `${at}/verify`, { awsCredentials: creds }],
          ['POST', `${at}/adopt`, { version, awsCredentials: creds }],
          ['POST', `${at}/delete-in-aws`, { confirm: true, awsCredentials: creds }],
          ['GET', `${at}/export?format=cli`],
        ];
        for (const [method, path, body] of calls) {
          const r = await outsider.owner.client.request(method, path, body === undefined ? {} : { body });
          expect(`${method} ${path} → ${r.status} ${r.json?.error?.code}`).toBe(`${method} ${path} → 404 not_found`);
        }
      }
    }
    expect(expectStatus(await victim.owner.client.get(`${theirs}/providers/${provider.id}`), 200).json).toMatchObject({ version: provider.version, audiences: provider.audiences, status: 'recorded' });
    expect(expectStatus(await victim.owner.client.get(`${theirs}/roles/${role.id}`), 200).json).toMatchObject({ version: role.version, description: '', status: 'recorded' });
    expect(expectStatus(await outsider.owner.client.get(`${mine}/trust-chain`), 200).json.accounts).toEqual([]);
  });
});

describe('read models for the wizard', () => {
  it('every response parses with the schemas the UI uses (lib/schemas/aws.ts)', async () => {
    const p = expectStatus(await admin.post(`${base}/providers`, { accountId: '888899990000' }), 201).json;
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: '888899990000', roleName: unique('schema'), trustPolicy: { preset: 'this-organization' } }), 201).json;
    expect(ZAwsProvider.parse(p)).toEqual(p);
    expect(ZAwsRole.parse(r)).toEqual(r);
    expect(ZAwsRole.parse(expectStatus(await admin.get(`${base}/roles/${r.id}`), 200).json).reach?.total).toBe(1);
    ZPage(ZAwsProvider).parse(expectStatus(await admin.get(`${base}/providers`), 200).json);
    ZPage(ZAwsRole).parse(expectStatus(await admin.get(`${base}/roles`), 200).json);
    ZTrustChain.parse(expectStatus(await admin.get(`${base}/trust-chain`), 200).json);
    const applied = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('schema'), trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: creds }), 201).json;
    expect(ZAwsRole.parse(applied).lastApply?.steps.length).toBeGreaterThan(0);
    ZRoleVerifyResult.parse(expectStatus(await admin.post(`${base}/roles/${applied.id}/verify`, { awsCredentials: creds }), 200).json);
  });


  it('exports: text with a content type and a file name, inline or as a download', async () => {
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('exp'), trustPolicy: { preset: 'this-organization' } }), 201).json;
    const expected = { cli: /^text\/x-shellscript/, cloudformation: /^application\/json/, terraform: /^text\/plain/, console: /^text\/plain/ } as const;
    for (const [format, type] of Object.entries(expected)) {
      const e = expectStatus(await admin.get(`${base}/roles/${r.id}/export?format=${format}`), 200);
      expect(e.headers['content-type']).toMatch(type);
      expect(e.headers['content-disposition']).toMatch(new RegExp(`^inline; filename="trustbridge-role-${r.roleName}\\.`));
      expect(e.text).toContain(r.roleName);
    }
    expect(expectStatus(await admin.get(`${base}/roles/${r.id}/export?format=terraform&download=1`), 200).headers['content-disposition']).toMatch(/^attachment;/);
    refusal(await admin.get(`${base}/roles/${r.id}/export?format=pulumi`), 400, 'invalid_request');
  });

  it('trust chain: issuer → provider per account → roles → admitted environments, with verification states', async () => {
    const other = await createOrg(admin);
    const p = expectStatus(await admin.post(`${awsPath(other.id)}/providers`, { accountId: '666677778888' }), 201).json;
    const r = expectStatus(await admin.post(`${awsPath(other.id)}/roles`, { accountId: '666677778888', roleName: 'ci', trustPolicy: { preset: 'this-organization' } }), 201).json;
    expectStatus(await admin.post(`${awsPath(other.id)}/roles`, { accountId: '777788889999', roleName: 'orphan', trustPolicy: { preset: 'this-organization' } }), 201);
    const project = await createProject(admin, other.id, 'svc');
    const env = await createEnvironment(admin, other.id, project.id, 'staging', 'stage');
    const chain = expectStatus(await admin.get(`${awsPath(other.id)}/trust-chain`), 200).json;
    expect(chain).toMatchObject({ issuer: other.issuer, issuerUsableByAws: { ok: true }, environmentCount: 1 });
    expect(chain.accounts).toEqual([
      {
        accountId: '666677778888',
        provider: { id: p.id, arn: p.arn, status: 'recorded', verification: { state: 'never_verified', at: null, differenceCount: 0 }, audiences: ['sts.amazonaws.com'] },
        roles: [{ id: r.id, arn: r.arn, roleName: 'ci', status: 'recorded', verification: { state: 'never_verified', at: null, differenceCount: 0 }, reach: { admittedCount: 1, total: 1, truncated: false, admitted: [{ id: env.id, name: expect.any(String), slug: 'stage', projectSlug: 'svc', stage: 'staging' }] } }],
      },
      { accountId: '777788889999', provider: null, roles: [expect.objectContaining({ roleName: 'orphan' })] },
    ]);
  });

  it('every change is audited, without credentials', async () => {
    const name = unique('audited');
    const r = expectStatus(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: creds }), 201).json;
    expectStatus(await admin.post(`${base}/roles/${r.id}/verify`, { awsCredentials: creds }), 200);
    expectStatus(await admin.patch(`${base}/roles/${r.id}`, { version: r.version, maxSessionDuration: 7200 }), 200);
    expectStatus(await admin.post(`${base}/roles/${r.id}/delete-in-aws`, { confirm: true, awsCredentials: creds }), 200);
    expectStatus(await admin.delete(`${base}/roles/${r.id}`), 204);
    const events = expectStatus(await admin.get(`/api/v1/orgs/${org.id}/audit?targetId=${r.id}&limit=200`), 200);
    expect((events.json.items as { action: string }[]).map((e) => e.action).reverse()).toEqual(['aws_role.create', 'aws_role.apply', 'aws_role.verify', 'aws_role.update', 'aws_role.delete_in_aws', 'aws_role.delete']);
    expect(events.text).not.toContain(creds.secretAccessKey);
    expect(events.text).not.toContain('awsCredentials');
  });
});
