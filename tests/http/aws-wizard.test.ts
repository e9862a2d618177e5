import { beforeAll, describe, expect, inject, it } from 'vitest';
import { attachedInCli, awsPath, cli, managedPolicy, pastedCredentials, providerInCli, roleInCli } from '../support/aws';
import { createEnvironment, createOrg, createProject, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { motoClient, MOTO_ACCOUNT_ID } from '../support/moto';

// The wizard's server side against the AWS emulator: providers and roles created through the API
// are read back with the real AWS CLI, verified, changed behind Trustbridge's back with the CLI
// (drift), re-applied, taken into the record, deleted — and an AWS refusal half-way through an
// apply leaves a record that says what exists, which a retry completes.

const server = inject('server');
const moto = motoClient(inject('motoUrl'));
const creds = pastedCredentials('wizard');

let admin: TestClient;
let org: { id: string; issuer: string };
let prefix: string;
let base: string;
let policyArn: string;

beforeAll(async () => {
  admin = await signedInAdmin(server);
  org = await createOrg(admin);
  prefix = org.issuer.replace(/^https:\/\//, '');
  base = awsPath(org.id);
  const web = await createProject(admin, org.id, 'web');
  const api = await createProject(admin, org.id, 'api');
  await createEnvironment(admin, org.id, web.id, 'production', 'prod');
  await createEnvironment(admin, org.id, web.id, 'development', 'dev');
  await createEnvironment(admin, org.id, api.id, 'production', 'prod');
  policyArn = managedPolicy(moto);
});

describe('provider', () => {
  let provider: { id: string; arn: string; version: number };

  it('apply: true creates it in AWS with the issuer URL, the audiences and the managing tag', async () => {
    const r = expectStatus(await admin.post(`${base}/providers`, { accountId: MOTO_ACCOUNT_ID, apply: true, awsCredentials: creds }), 201).json;
    provider = r;
    expect(r).toMatchObject({ arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}`, status: 'applied', issuerUrl: org.issuer, audiences: ['sts.amazonaws.com'], thumbprints: [] });
    expect(r.lastApply).toMatchObject({ ok: true, operation: 'apply', result: 'created', steps: [{ action: 'iam:CreateOpenIDConnectProvider', target: r.arn, status: 'done' }] });
    const inAws = providerInCli(moto, r.arn);
    expect(inAws?.Url).toBe(prefix);
    expect(inAws?.ClientIDList).toEqual(['sts.amazonaws.com']);
    expect(inAws?.Tags).toEqual([{ Key: 'trustbridge:org-id', Value: org.id }]);
    expect(expectStatus(await admin.get(`${base}/providers/${r.id}`), 200).json).toMatchObject({ id: r.id, arn: r.arn, status: 'applied' });
  });

  it('verify: in sync, stored as the last verification', async () => {
    const v = expectStatus(await admin.post(`${base}/providers/${provider.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v).toMatchObject({ inSync: true, differences: [], status: 'in_sync' });
    const got = expectStatus(await admin.get(`${base}/providers/${provider.id}`), 200).json;
    expect(got.lastVerification).toMatchObject({ inSync: true, differences: [], at: v.verifiedAt });
    expect(got.verification).toEqual({ state: 'in_sync', at: v.verifiedAt, differenceCount: 0 });
  });

  // moto implements neither AddClientIDToOpenIDConnectProvider nor RemoveClientIDFromOpenIDConnectProvider
  // (NotImplementedError): those calls are checked on the wire in aws-faults.test.ts. Here the
  // provider is recreated by hand with an extra client ID, which needs neither.
  it('client IDs changed behind our back are drift; apply keeps what others added; adopt takes it into the record', async () => {
    cli(moto, ['iam', 'delete-open-id-connect-provider', '--open-id-connect-provider-arn', provider.arn]);
    cli(moto, ['iam', 'create-open-id-connect-provider', '--url', org.issuer, '--client-id-list', 'sts.amazonaws.com', 'added-by-hand']);
    const v = expectStatus(await admin.post(`${base}/providers/${provider.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v.inSync).toBe(false);
    expect(v.status).toBe('drifted');
    expect(v.differences).toEqual([{ path: 'audiences', ours: ['sts.amazonaws.com'], aws: ['added-by-hand', 'sts.amazonaws.com'], message: expect.stringMatching(/only in AWS: added-by-hand/) }]);

    const applied = expectStatus(await admin.post(`${base}/providers/${provider.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(applied.lastApply).toMatchObject({ ok: true, result: 'updated', extra: { clientIds: ['added-by-hand'] } });
    expect(applied.lastApply.steps).toContainEqual({ action: 'iam:AddClientIDToOpenIDConnectProvider', target: 'sts.amazonaws.com', status: 'unchanged', detail: 'Already a client ID.' });
    expect(applied.lastApply.message).toMatch(/added-by-hand.*left in place; apply with prune to remove them/);
    expect(providerInCli(moto, provider.arn)?.ClientIDList.sort()).toEqual(['added-by-hand', 'sts.amazonaws.com']);

    const current = expectStatus(await admin.get(`${base}/providers/${provider.id}`), 200).json;
    const stale = await admin.post(`${base}/providers/${provider.id}/adopt`, { version: current.version + 1, awsCredentials: creds });
    expect([stale.status, stale.json.error.code]).toEqual([409, 'version_conflict']);
    const adopted = expectStatus(await admin.post(`${base}/providers/${provider.id}/adopt`, { version: current.version, awsCredentials: creds }), 200).json;
    expect(adopted).toMatchObject({ status: 'in_sync', version: current.version + 1 });
    expect(adopted.audiences.sort()).toEqual(['added-by-hand', 'sts.amazonaws.com']);
    expect(expectStatus(await admin.post(`${base}/providers/${provider.id}/verify`, { awsCredentials: creds }), 200).json.inSync).toBe(true);
    expectStatus(await admin.patch(`${base}/providers/${provider.id}`, { version: adopted.version, audiences: ['sts.amazonaws.com'] }), 200);
  });

  it('pinned thumbprints: changed behind our back → drift; apply adds ours and keeps theirs; prune replaces them', async () => {
    const other = await createOrg(admin);
    const ours = 'a'.repeat(40);
    const theirs = 'b'.repeat(40);
    const r = expectStatus(await admin.post(`${awsPath(other.id)}/providers`, { accountId: MOTO_ACCOUNT_ID, thumbprints: [ours.toUpperCase()], apply: true, awsCredentials: creds }), 201).json;
    expect(r.thumbprints).toEqual([ours]);
    expect(providerInCli(moto, r.arn)?.ThumbprintList).toEqual([ours]);
    cli(moto, ['iam', 'update-open-id-connect-provider-thumbprint', '--open-id-connect-provider-arn', r.arn, '--thumbprint-list', theirs]);
    const v = expectStatus(await admin.post(`${awsPath(other.id)}/providers/${r.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v.differences).toEqual([{ path: 'thumbprints', ours: [ours], aws: [theirs], message: expect.any(String) }]);
    const applied = expectStatus(await admin.post(`${awsPath(other.id)}/providers/${r.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(applied.lastApply.extra).toEqual({ thumbprints: [theirs] });
    expect(providerInCli(moto, r.arn)?.ThumbprintList.sort()).toEqual([ours, theirs]);
    expectStatus(await admin.post(`${awsPath(other.id)}/providers/${r.id}/apply`, { prune: true, awsCredentials: creds }), 200);
    expect(providerInCli(moto, r.arn)?.ThumbprintList).toEqual([ours]);
    expect(expectStatus(await admin.post(`${awsPath(other.id)}/providers/${r.id}/verify`, { awsCredentials: creds }), 200).json.inSync).toBe(true);
  });

  it('a provider that exists already is adopted, and client IDs others added are reported and kept', async () => {
    const other = await createOrg(admin);
    const arn = `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${other.issuer.replace(/^https:\/\//, '')}`;
    cli(moto, ['iam', 'create-open-id-connect-provider', '--url', other.issuer, '--client-id-list', 'sts.amazonaws.com', 'someone-elses-client']);
    const r = expectStatus(await admin.post(`${awsPath(other.id)}/providers`, { accountId: MOTO_ACCOUNT_ID, apply: true, awsCredentials: creds }), 201).json;
    expect(r.lastApply).toMatchObject({ ok: true, result: 'updated', extra: { clientIds: ['someone-elses-client'] } });
    expect(r.lastApply.steps).toEqual([
      { action: 'iam:CreateOpenIDConnectProvider', target: arn, status: 'unchanged', detail: expect.stringMatching(/exists already/) },
      { action: 'iam:GetOpenIDConnectProvider', target: arn, status: 'done' },
      { action: 'iam:AddClientIDToOpenIDConnectProvider', target: 'sts.amazonaws.com', status: 'unchanged', detail: 'Already a client ID.' },
    ]);
    expect(providerInCli(moto, arn)?.ClientIDList.sort()).toEqual(['someone-elses-client', 'sts.amazonaws.com']);
  });

  it('gone from AWS is a difference, not an error; delete-in-aws and apply again', async () => {
    const deleted = expectStatus(await admin.post(`${base}/providers/${provider.id}/delete-in-aws`, { confirm: true, awsCredentials: creds }), 200).json;
    expect(deleted).toMatchObject({ status: 'recorded', lastApply: { operation: 'delete', ok: true, result: 'deleted' } });
    expect(providerInCli(moto, provider.arn)).toBeNull();
    const v = expectStatus(await admin.post(`${base}/providers/${provider.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v).toMatchObject({ inSync: false, status: 'drifted', differences: [{ path: 'provider', ours: provider.arn, aws: null }] });
    const again = expectStatus(await admin.post(`${base}/providers/${provider.id}/delete-in-aws`, { confirm: true, awsCredentials: creds }), 200).json;
    expect(again.lastApply.result).toBe('already_absent');
    expect(expectStatus(await admin.post(`${base}/providers/${provider.id}/apply`, { awsCredentials: creds }), 200).json.lastApply.result).toBe('created');
    expect(providerInCli(moto, provider.arn)?.ClientIDList).toEqual(['sts.amazonaws.com']);
  });
});

describe('role', () => {
  const name = unique('deploy');
  let role: { id: string; arn: string; trustPolicy: Record<string, unknown>; version: number };

  it('apply: true creates it from a builder preset; the AWS CLI reads back exactly the record', async () => {
    const r = expectStatus(
      await admin.post(`${base}/roles`, {
        accountId: MOTO_ACCOUNT_ID,
        roleName: name,
        path: '/trustbridge/',
        maxSessionDuration: 7200,
        description: 'Deploys the web project',
        trustPolicy: { preset: 'this-project', projectSlug: 'web' },
        managedPolicyArns: [policyArn],
        apply: true,
        awsCredentials: creds,
      }),
      201,
    ).json;
    role = r;
    expect(r).toMatchObject({ roleName: name, arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/trustbridge/${name}`, status: 'applied', builder: { preset: 'this-project', projectSlug: 'web' }, trustPolicyId: null });
    expect(r.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${org.id}:project:web:environment:*` } },
        },
      ],
    });
    expect(r.reach).toMatchObject({ admittedCount: 2, total: 3, truncated: false });
    expect(r.reach.admitted.map((e: { projectSlug: string }) => e.projectSlug)).toEqual(['web', 'web']);
    expect(r.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const inAws = roleInCli(moto, name);
    expect(inAws).toMatchObject({ Path: '/trustbridge/', MaxSessionDuration: 7200, Description: 'Deploys the web project', Arn: r.arn });
    expect(inAws?.AssumeRolePolicyDocument).toEqual(r.trustPolicy);
    expect(inAws?.Tags).toEqual([{ Key: 'trustbridge:org-id', Value: org.id }]);
    expect(attachedInCli(moto, name)).toEqual([policyArn]);
  });

  it('verify: in sync', async () => {
    expect(expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json).toMatchObject({ inSync: true, differences: [], status: 'in_sync' });
  });

  it('the same policy rewritten by hand (keys reordered, arrays for single values, a Sid) is still in sync', async () => {
    const s = (role.trustPolicy.Statement as Record<string, unknown>[])[0] as Record<string, Record<string, Record<string, string>>>;
    const reordered = {
      Statement: [{ Condition: { StringLike: s.Condition?.StringLike, StringEquals: s.Condition?.StringEquals }, Sid: 'HandWritten', Action: ['sts:AssumeRoleWithWebIdentity'], Principal: { Federated: [s.Principal?.Federated] }, Effect: 'Allow' }],
      Version: '2012-10-17',
    };
    cli(moto, ['iam', 'update-assume-role-policy', '--role-name', name, '--policy-document', JSON.stringify(reordered)]);
    expect(expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json).toMatchObject({ inSync: true, differences: [] });
  });

  it('a real change to the trust policy is drift with the exact path; re-applying ours restores it', async () => {
    const widened = JSON.parse(JSON.stringify(role.trustPolicy));
    widened.Statement[0].Condition.StringLike[`${prefix}:sub`] = `org:${org.id}:*`;
    cli(moto, ['iam', 'update-assume-role-policy', '--role-name', name, '--policy-document', JSON.stringify(widened)]);
    const v = expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v).toMatchObject({ inSync: false, status: 'drifted' });
    expect(v.differences).toEqual([{ path: `trustPolicy.Statement[0].Condition.StringLike["${prefix}:sub"]`, ours: [`org:${org.id}:project:web:environment:*`], aws: [`org:${org.id}:*`], message: expect.any(String) }]);
    expect(expectStatus(await admin.get(`${base}/roles/${role.id}`), 200).json.verification).toMatchObject({ state: 'drifted', differenceCount: 1 });

    const applied = expectStatus(await admin.post(`${base}/roles/${role.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(applied.lastApply.steps).toContainEqual({ action: 'iam:UpdateAssumeRolePolicy', target: role.arn, status: 'done' });
    expect(roleInCli(moto, name)?.AssumeRolePolicyDocument).toEqual(role.trustPolicy);
    expect(expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json.inSync).toBe(true);
  });

  it('attachments changed behind our back: detached → drift; extra attached → reported, kept, pruned only on request', async () => {
    cli(moto, ['iam', 'detach-role-policy', '--role-name', name, '--policy-arn', policyArn]);
    const v = expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v.differences).toEqual([{ path: 'managedPolicyArns', ours: [policyArn], aws: [], message: expect.stringMatching(/missing in AWS/) }]);

    const extra = managedPolicy(moto);
    cli(moto, ['iam', 'attach-role-policy', '--role-name', name, '--policy-arn', extra]);
    const applied = expectStatus(await admin.post(`${base}/roles/${role.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(applied.lastApply).toMatchObject({ ok: true, result: 'updated', extra: { managedPolicyArns: [extra] } });
    expect(applied.lastApply.steps).toContainEqual({ action: 'iam:AttachRolePolicy', target: policyArn, status: 'done' });
    expect(attachedInCli(moto, name)).toEqual([policyArn, extra].sort());
    const drift = expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(drift.differences.map((d: { path: string }) => d.path)).toEqual(['managedPolicyArns']);

    const pruned = expectStatus(await admin.post(`${base}/roles/${role.id}/apply`, { prune: true, awsCredentials: creds }), 200).json;
    expect(pruned.lastApply.steps).toContainEqual({ action: 'iam:DetachRolePolicy', target: extra, status: 'done' });
    expect(attachedInCli(moto, name)).toEqual([policyArn]);
  });

  it("adopt takes AWS's settings into the record (stale version → 409, nothing changes)", async () => {
    cli(moto, ['iam', 'update-role', '--role-name', name, '--max-session-duration', '10800', '--description', 'edited in the console']);
    const current = expectStatus(await admin.get(`${base}/roles/${role.id}`), 200).json;
    const stale = await admin.post(`${base}/roles/${role.id}/adopt`, { version: current.version + 1, awsCredentials: creds });
    expect([stale.status, stale.json.error.code]).toEqual([409, 'version_conflict']);
    const adopted = expectStatus(await admin.post(`${base}/roles/${role.id}/adopt`, { version: current.version, awsCredentials: creds }), 200).json;
    expect(adopted).toMatchObject({ maxSessionDuration: 10800, description: 'edited in the console', status: 'in_sync', version: current.version + 1, builder: null, trustPolicyId: null });
    expect(adopted.trustPolicy).toEqual(role.trustPolicy);
    expect(expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json.inSync).toBe(true);
  });

  it('a role deleted behind our back is a difference (200), and apply creates it again', async () => {
    cli(moto, ['iam', 'detach-role-policy', '--role-name', name, '--policy-arn', policyArn]);
    cli(moto, ['iam', 'delete-role', '--role-name', name]);
    const v = expectStatus(await admin.post(`${base}/roles/${role.id}/verify`, { awsCredentials: creds }), 200).json;
    expect(v).toMatchObject({ inSync: false, status: 'drifted', differences: [{ path: 'role', ours: role.arn, aws: null, message: 'The role does not exist in AWS.' }] });
    const applied = expectStatus(await admin.post(`${base}/roles/${role.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(applied.lastApply.result).toBe('created');
    expect(roleInCli(moto, name)).toMatchObject({ MaxSessionDuration: 10800, Path: '/trustbridge/' });
  });

  it('delete-in-aws detaches and deletes (confirmed); the record stays; deleting the record leaves AWS alone', async () => {
    const refused = await admin.post(`${base}/roles/${role.id}/delete-in-aws`, { awsCredentials: creds });
    expect([refused.status, refused.json.error.code, refused.json.error.issues[0].path]).toEqual([400, 'invalid_request', 'confirm']);
    expect(roleInCli(moto, name)).not.toBeNull();
    const deleted = expectStatus(await admin.post(`${base}/roles/${role.id}/delete-in-aws`, { confirm: true, awsCredentials: creds }), 200).json;
    expect(deleted).toMatchObject({ status: 'recorded', lastApply: { operation: 'delete', ok: true, result: 'deleted' } });
    expect(deleted.lastApply.steps.map((s: { action: string }) => s.action)).toEqual(['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:DetachRolePolicy', 'iam:DeleteRole']);
    expect(roleInCli(moto, name)).toBeNull();

    expectStatus(await admin.post(`${base}/roles/${role.id}/apply`, { awsCredentials: creds }), 200);
    expectStatus(await admin.delete(`${base}/roles/${role.id}`), 204);
    expect((await admin.get(`${base}/roles/${role.id}`)).status).toBe(404);
    expect(roleInCli(moto, name)).not.toBeNull();
  });
});

describe('AWS refuses half-way', () => {
  it('role created, one attachment refused: the record says what exists; a retry finishes the job', async () => {
    const name = unique('halfway');
    const missingName = unique('not-yet');
    const missing = `arn:aws:iam::${MOTO_ACCOUNT_ID}:policy/${missingName}`;
    const r = await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' }, managedPolicyArns: [policyArn, missing], apply: true, awsCredentials: creds });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'aws_not_found', action: 'iam:AttachRolePolicy', awsCode: 'NoSuchEntity' });
    const record = r.json.error.record;
    expect(record).toMatchObject({ roleName: name, status: 'failed', lastApply: { ok: false, error: { code: 'aws_not_found' } } });
    expect(record.lastApply.steps.map((s: { action: string; target: string; status: string }) => [s.action, s.target, s.status])).toEqual([
      ['iam:GetRole', record.arn, 'done'],
      ['iam:CreateRole', record.arn, 'done'],
      ['iam:AttachRolePolicy', policyArn, 'done'],
      ['iam:AttachRolePolicy', missing, 'failed'],
    ]);
    expect(record.lastApply.message).toMatch(/Stopped at iam:AttachRolePolicy.*Done in AWS before that: .*iam:CreateRole.*Apply again to finish/);
    expect(roleInCli(moto, name)).not.toBeNull();
    expect(attachedInCli(moto, name)).toEqual([policyArn]);
    expect(expectStatus(await admin.get(`${base}/roles/${record.id}`), 200).json.status).toBe('failed');

    managedPolicy(moto, missingName);
    const retried = expectStatus(await admin.post(`${base}/roles/${record.id}/apply`, { awsCredentials: creds }), 200).json;
    expect(retried).toMatchObject({ status: 'applied', lastApply: { ok: true, result: 'updated' } });
    expect(retried.lastApply.steps.map((s: { action: string; status: string }) => `${s.action} ${s.status}`)).toEqual([
      'iam:GetRole done',
      'iam:UpdateAssumeRolePolicy unchanged',
      'iam:UpdateRole unchanged',
      'iam:ListAttachedRolePolicies done',
      'iam:AttachRolePolicy unchanged',
      'iam:AttachRolePolicy done',
    ]);
    expect(attachedInCli(moto, name)).toEqual([policyArn, missing].sort());
    expect(expectStatus(await admin.post(`${base}/roles/${record.id}/apply`, { awsCredentials: creds }), 200).json.lastApply.steps.filter((s: { status: string }) => s.status === 'done').map((s: { action: string }) => s.action)).toEqual(['iam:GetRole', 'iam:ListAttachedRolePolicies']);
  });

  it('a role of the same name managed by another organization is refused, not taken over', async () => {
    const name = unique('owned');
    cli(moto, ['iam', 'create-role', '--role-name', name, '--assume-role-policy-document', '{"Version":"2012-10-17","Statement":[]}', '--tags', 'Key=trustbridge:org-id,Value=someone-else']);
    const r = await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: name, trustPolicy: { preset: 'this-organization' }, apply: true, awsCredentials: creds });
    expect([r.status, r.json.error.code]).toEqual([409, 'aws_entity_exists']);
    expect(r.json.error.message).toMatch(/managed by another Trustbridge organization/);
    expect(r.json.error.record.lastApply.steps).toEqual([{ action: 'iam:GetRole', target: r.json.error.record.arn, status: 'failed', error: { code: 'aws_entity_exists', message: expect.any(String) } }]);
    expect(roleInCli(moto, name)?.AssumeRolePolicyDocument).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});
