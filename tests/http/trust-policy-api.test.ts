import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg } from '../support/fixtures';
import { TestClient } from '../support/http-client';

const server = inject('server');
const MINIMAL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }] };

describe('POST /api/v1/trust-policy/evaluate and /lint', () => {
  let owner: TestClient;
  let orgId: string;
  let prefix: string;
  let workloadToken: string;
  let policy: Record<string, unknown>;
  let idToken: string;

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    owner = a.owner.client;
    orgId = a.org.id;
    prefix = `trustbridge.test/oidc/${orgId}`;
    const project = await createProject(owner, orgId, 'web');
    const env = await createEnvironment(owner, orgId, project.id, 'production', 'prod');
    workloadToken = (await createToken(owner, orgId, env.id)).token;
    policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${orgId}:project:web:environment:*` } },
        },
      ],
    };
    idToken = expectStatus(await new TestClient(server.url, server.publicUrl).post('/api/v1/idp/token', undefined, { origin: null, headers: { Authorization: `Bearer ${workloadToken}` } }), 200).json.token;
  });

  const request = (sub: string, aud = 'sts.amazonaws.com') => ({ principal: `arn:aws:iam::111122223333:oidc-provider/${prefix}`, action: 'sts:AssumeRoleWithWebIdentity', context: { [`${prefix}:sub`]: sub, [`${prefix}:aud`]: aud } });

  it('request mode: Allow, with a trace per statement and condition', async () => {
    const r = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy, request: request(`org:${orgId}:project:web:environment:prod`) }), 200).json;
    expect(r.decision).toBe('Allow');
    expect(r.statements).toHaveLength(1);
    expect(r.statements[0]).toMatchObject({ matched: true, principal: { matched: true }, action: { matched: true } });
    expect(r.statements[0].conditions).toHaveLength(2);
    expect(r.firstFailure).toBeNull();
  });

  it('request mode: ImplicitDeny naming the failing condition', async () => {
    const r = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy: JSON.stringify(policy), request: request(`org:${orgId}:project:api:environment:prod`) }), 200).json;
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.firstFailure).toMatchObject({ kind: 'condition', condition: { key: `${prefix}:sub`, matched: false } });
  });

  it('an explicit Deny wins', async () => {
    const withDeny = { ...policy, Statement: [...(policy.Statement as unknown[]), { Effect: 'Deny', Principal: '*', Action: 'sts:*', Condition: { StringEquals: { [`${prefix}:sub`]: `org:${orgId}:project:web:environment:prod` } } }] };
    const r = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy: withDeny, request: request(`org:${orgId}:project:web:environment:prod`) }), 200).json;
    expect(r.decision).toBe('ExplicitDeny');
  });

  it('token mode derives the request the way STS would, including the account from the policy', async () => {
    const r = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy, token: idToken }), 200).json;
    expect(r.decision).toBe('Allow');
    expect(r.request).toMatchObject({ principal: `arn:aws:iam::111122223333:oidc-provider/${prefix}`, action: 'sts:AssumeRoleWithWebIdentity', context: { [`${prefix}:sub`]: `org:${orgId}:project:web:environment:prod`, [`${prefix}:aud`]: 'sts.amazonaws.com' } });
    const wrongAccount = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy, token: idToken, accountId: '999988887777' }), 200).json;
    expect(wrongAccount.decision).toBe('ImplicitDeny');
    expect(wrongAccount.firstFailure.kind).toBe('principal');
  });

  it('environment tokens may call it too; anonymous callers may not', async () => {
    const workload = new TestClient(server.url, server.publicUrl);
    expect((await workload.post('/api/v1/trust-policy/evaluate', { policy, token: idToken }, { origin: null, headers: { Authorization: `Bearer ${workloadToken}` } })).status).toBe(200);
    const anon = await workload.post('/api/v1/trust-policy/lint', { policy });
    expect(anon.status).toBe(401);
  });

  it.each([
    ['no body fields', {}, 'invalid_request'],
    ['policy without request or token', { policy: {} }, 'invalid_request'],
    ['both request and token', { policy: {}, token: 'a.b.c', request: { principal: 'p', action: 'a', context: {} } }, 'invalid_request'],
    ['context value of the wrong type', { policy: {}, request: { principal: 'p', action: 'a', context: { k: 42 } } }, 'invalid_request'],
    ['malformed policy JSON text', { policy: '{"Statement": [}', request: { principal: 'p', action: 'a', context: {} } }, 'invalid_policy'],
    ['policy that is not a policy', { policy: { Statement: [{ Effect: 'Maybe' }] }, request: { principal: 'p', action: 'a', context: {} } }, 'invalid_policy'],
    ['token that is not a JWT', { policy: MINIMAL, token: 'not-a-jwt' }, 'invalid_token_format'],
    ['token without an issuer', { policy: MINIMAL, token: `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.sig` }, 'invalid_token_format'],
    ['a policy that is an array', { policy: JSON.parse('['.repeat(200) + ']'.repeat(200)), request: { principal: 'p', action: 'a', context: {} } }, 'invalid_request'],
    ['a deeply nested policy', { policy: { Version: '2012-10-17', Statement: JSON.parse('['.repeat(200) + ']'.repeat(200)) }, request: { principal: 'p', action: 'a', context: {} } }, 'invalid_policy'],
  ])('evaluate refuses %s with 400 %s (never 500)', async (_name, body, code) => {
    const r = await owner.post('/api/v1/trust-policy/evaluate', body);
    expect(r.status, r.text).toBe(400);
    expect(r.json.error.code).toBe(code);
  });

  it('invalid_policy errors carry the path and the line/column of the problem', async () => {
    const r = await owner.post('/api/v1/trust-policy/evaluate', { policy: '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", } ]\n}', request: { principal: 'p', action: 'a', context: {} } });
    expect(r.status).toBe(400);
    expect(r.json.error.errors[0]).toMatchObject({ code: 'json_syntax', line: 3 });
  });

  it('lint: a good policy has no findings; each mistake is flagged with its rule and path; malformed JSON is a finding', async () => {
    const lint = (body: unknown) => owner.post('/api/v1/trust-policy/lint', body);
    expect(expectStatus(await lint({ policy, issuer: `https://${prefix}`, orgId }), 200).json).toEqual({ findings: [] });
    const bad = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${prefix}:sub`]: `org:${orgId}:*` } } }],
    };
    const findings = expectStatus(await lint({ policy: bad, issuer: `https://${prefix}`, orgId }), 200).json.findings as { rule: string; severity: string; path: string; fix?: { policy: unknown } }[];
    expect(findings.map((f) => f.rule).sort()).toEqual(expect.arrayContaining(['missing-aud-condition', 'wildcard-in-string-equals']));
    const aud = findings.find((f) => f.rule === 'missing-aud-condition');
    expect(aud?.severity).toBe('warning');
    expect(aud?.fix?.policy).toBeTruthy();
    const refixed = expectStatus(await lint({ policy: aud?.fix?.policy, issuer: `https://${prefix}`, orgId }), 200).json.findings as { rule: string }[];
    expect(refixed.map((f) => f.rule)).not.toContain('missing-aud-condition');
    const malformed = expectStatus(await lint({ policy: '{"Version": ' }), 200).json.findings;
    expect(malformed[0]).toMatchObject({ rule: 'json-malformed', severity: 'error' });
    expect((await lint({ policy: {}, unknownOption: true })).status).toBe(400);
  });

  // Issue 12: the linter judges who the whole policy lets in, the way IAM Access Analyzer does.
  const provider = () => `arn:aws:iam::111122223333:oidc-provider/${prefix}`;
  const good = () => (policy.Statement as Record<string, unknown>[])[0] as Record<string, unknown>;
  const wideOpen: Array<[string, string, string, () => unknown]> = [
    ['{"AWS":"*"} with sts:AssumeRole (as sent in the issue)', 'public-principal', 'error', () => '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'],
    ['"*" with a condition', 'public-principal', 'error', () => ({ Version: '2012-10-17', Statement: [{ ...good(), Principal: '*' }] })],
    ['{"AWS":"*"} in a second statement, with a condition', 'public-principal', 'error', () => ({ Version: '2012-10-17', Statement: [good(), { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] })],
    ['NotPrincipal with Allow', 'allow-with-not-principal', 'error', () => ({ Version: '2012-10-17', Statement: [good(), { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }] })],
    ['another account after a good first statement', 'other-principal', 'warning', () => ({ Version: '2012-10-17', Statement: [good(), { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }] })],
    ['a Service principal', 'other-principal', 'warning', () => ({ Version: '2012-10-17', Statement: [good(), { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })],
    ['another OIDC provider', 'federated-not-oidc-provider', 'error', () => ({ Version: '2012-10-17', Statement: [good(), { ...good(), Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' } }] })],
    ['no statement for this organization’s provider', 'provider-not-trusted', 'error', () => ({ Version: '2012-10-17', Statement: [{ ...good(), Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/trustbridge.test/oidc/org_other' } }] })],
  ];
  it.each(wideOpen)('lint never gives an all-clear to a wide-open policy: %s → %s (%s)', async (_name, rule, severity, make) => {
    const findings = expectStatus(await owner.post('/api/v1/trust-policy/lint', { policy: make(), issuer: `https://${prefix}`, orgId }), 200).json.findings as { rule: string; severity: string; path: string }[];
    expect(findings.find((f) => f.rule === rule), JSON.stringify(findings)).toMatchObject({ severity });
  });

  it('lint flags a public principal without any options too', async () => {
    const findings = expectStatus(await owner.post('/api/v1/trust-policy/lint', { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] } }), 200).json.findings as { rule: string; severity: string; path: string }[];
    expect(findings).toEqual([expect.objectContaining({ rule: 'public-principal', severity: 'error', path: '$.Statement[0].Principal.AWS' })]);
  });

  it('evaluate: an empty session-tag value is null in the request context (IAM User Guide, Condition)', async () => {
    const tagged = { ...policy, Statement: [{ ...good(), Condition: { ...(good().Condition as Record<string, unknown>), Null: { 'aws:RequestTag/team': 'true' } } }] };
    const sub = `org:${orgId}:project:web:environment:prod`;
    const withEmpty = { principal: provider(), action: 'sts:AssumeRoleWithWebIdentity', context: { [`${prefix}:sub`]: sub, [`${prefix}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/team': '' } };
    const r = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy: tagged, request: withEmpty }), 200).json;
    expect(r.decision).toBe('Allow');
    const withValue = expectStatus(await owner.post('/api/v1/trust-policy/evaluate', { policy: tagged, request: { ...withEmpty, context: { ...withEmpty.context, 'aws:RequestTag/team': 'blue' } } }), 200).json;
    expect(withValue.decision).toBe('ImplicitDeny');
  });
});

describe('saved trust policies', () => {
  it('create, read, update with a version (stale → 409), name conflicts, delete; the subject preview reports their reach changes', async () => {
    const a = await ownerWithOrg(server);
    const owner = a.owner.client;
    const orgId = a.org.id;
    const prefix = `trustbridge.test/oidc/${orgId}`;
    const project = await createProject(owner, orgId, 'web');
    await createEnvironment(owner, orgId, project.id, 'production', 'prod');
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${orgId}:project:web:environment:prod` } },
        },
        { Sid: 'Keep', Effect: 'Deny', Principal: '*', Action: 'sts:TagSession', Unknown: { kept: true } },
      ],
    };
    const created = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/trust-policies`, { name: 'Deploy role', policy: document }), 201).json;
    expect(created).toMatchObject({ name: 'Deploy role', version: 1, problems: { error: 0 } });
    expect(created.document.Statement[1]).toEqual({ Sid: 'Keep', Effect: 'Deny', Principal: '*', Action: 'sts:TagSession', Unknown: { kept: true } });
    const taken = await owner.post(`/api/v1/orgs/${orgId}/trust-policies`, { name: 'Deploy role', policy: document });
    expect([taken.status, taken.json.error.code]).toEqual([409, 'already_exists']);
    // The form shows the message on the Name field.
    expect(taken.json.error.issues).toEqual([{ path: 'name', message: 'A trust policy named "Deploy role" already exists in this organization.' }]);
    expect((await owner.post(`/api/v1/orgs/${orgId}/trust-policies`, { name: 'Broken', policy: '{"Statement": [' })).json.error.code).toBe('invalid_policy');
    const path = `/api/v1/orgs/${orgId}/trust-policies/${created.id}`;
    expectStatus(await owner.put(path, { name: 'Deploy role v2', policy: document, version: 1 }), 200);
    const stale = await owner.put(path, { name: 'Lost update', policy: document, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');
    expect(expectStatus(await owner.get(path), 200).json).toMatchObject({ name: 'Deploy role v2', version: 2 });
    const list = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/trust-policies`), 200).json.items;
    expect(list).toHaveLength(1);

    const preview = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/issuer/subject-preview`, { subjectTemplate: ['org', 'project', 'environment', 'stage'] }), 200).json;
    expect(preview.policies).toEqual([{ policyId: created.id, name: 'Deploy role v2', stopsAdmitting: [expect.objectContaining({ name: expect.any(String) })], startsAdmitting: [] }]);

    const context = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/trust-policies/context`), 200).json;
    expect(context).toMatchObject({ orgId, issuer: `https://${prefix}`, audiences: ['sts.amazonaws.com'], sessionTags: false, truncated: false });
    expect(context.environments[0].sub).toBe(`org:${orgId}:project:web:environment:prod`);

    expect((await owner.delete(path)).status).toBe(204);
    expect((await owner.get(path)).status).toBe(404);
    const audit = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?action=trust_policy.`), 200).json.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['trust_policy.delete', 'trust_policy.update', 'trust_policy.create']);
  });

  it('the builder choice (preset, project, environments) is saved with the policy, returned, audited and replaced by each PUT; a bad one is 400', async () => {
    const a = await ownerWithOrg(server);
    const owner = a.owner.client;
    const orgId = a.org.id;
    const base = `/api/v1/orgs/${orgId}/trust-policies`;
    const choice = { preset: 'these-environments', environmentIds: ['01m8474fmb8q3dvcafhgt5c8g9'] };
    const created = expectStatus(await owner.post(base, { name: 'With choice', policy: MINIMAL, builder: choice }), 201).json;
    expect(created.builder).toEqual(choice);
    expect(expectStatus(await owner.get(`${base}/${created.id}`), 200).json.builder).toEqual(choice);
    const plain = expectStatus(await owner.post(base, { name: 'Without choice', policy: MINIMAL }), 201).json;
    expect(plain.builder).toBeNull();

    const updated = expectStatus(await owner.put(`${base}/${created.id}`, { name: 'With choice', policy: MINIMAL, version: 1, builder: { preset: 'this-project', projectSlug: 'web' } }), 200).json;
    expect(updated.builder).toEqual({ preset: 'this-project', projectSlug: 'web' });
    // PUT replaces the whole policy: no choice sent → none kept (it would no longer describe the rows).
    expect(expectStatus(await owner.put(`${base}/${created.id}`, { name: 'With choice', policy: MINIMAL, version: 2 }), 200).json.builder).toBeNull();

    for (const bad of [{ preset: 'everyone' }, { preset: 'custom', extra: 1 }, { preset: 'these-environments', environmentIds: ['not an id'] }, 'custom']) {
      const refused = await owner.post(base, { name: `Bad ${JSON.stringify(bad)}`.slice(0, 60), policy: MINIMAL, builder: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.json.error.code).toBe('invalid_request');
      expect(refused.json.error.issues[0].path).toMatch(/^builder/);
    }
    const audit = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?action=trust_policy.update`), 200).json.items;
    expect(audit.map((e: { before: { builder: unknown }; after: { builder: unknown } }) => [e.before.builder, e.after.builder])).toEqual([
      [{ preset: 'this-project', projectSlug: 'web' }, null],
      [choice, { preset: 'this-project', projectSlug: 'web' }],
    ]);
  });
});
