import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, expectStatus, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { deleteProvider, insertCredential, insertProvider, insertRole, randomId } from '../support/inspector-kit';
import { decodeJwt, issuerFixture, sharedServerDatabase, type IssuerFixture, type SqlDatabase } from '../support/issuer-kit';

// "Would this role accept it?" over HTTP: recorded roles, saved trust policies, deployment
// credentials (through the recorded role of the same ARN) and pasted policies; the failing
// condition; the proposed fix, which — sent back as a pasted policy — makes the decision Allow.
// Also the evaluation targets, the admin's signed mint (audited, short-lived, inspected clean).

const server = inject('server');
const ACCOUNT = '111122223333';
let f: IssuerFixture;
let other: IssuerFixture;
let db: SqlDatabase;
let prefix: string;
let sub: string;
let token: string;
let member: TestClient;

const statement = (condition: Record<string, unknown>, action: unknown = 'sts:AssumeRoleWithWebIdentity') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${prefix}` }, Action: action, Condition: condition }],
});
const evaluate = (client: TestClient, body: Record<string, unknown>, orgId = f.org.id) => client.post(`/api/v1/orgs/${orgId}/inspector/evaluate`, body);

/** The proposed fix, sent back as a pasted policy, is admitted. */
async function fixAdmits(client: TestClient, fix: { policy: unknown } | null, source: Record<string, unknown> = { token }) {
  expect(fix).not.toBeNull();
  const again = expectStatus(await evaluate(client, { ...source, policy: fix?.policy }), 200).json;
  expect(again.decision).toBe('Allow');
  expect(again.fix).toBeNull();
}

beforeAll(async () => {
  [f, other] = await Promise.all([issuerFixture(server, { projectSlug: 'web', envSlug: 'prod' }), issuerFixture(server)]);
  db = sharedServerDatabase();
  prefix = f.org.issuer.replace(/^https?:\/\//, '');
  sub = `org:${f.org.id}:project:web:environment:prod`;
  token = await f.mint();
  member = (await userWithRole(f.owner, server, f.org.id, 'member')).client;
}, 60_000);
afterAll(async () => db?.close());

describe('POST /api/v1/orgs/{orgId}/inspector/evaluate', () => {
  it('a recorded role that names another environment: ImplicitDeny, the sub condition named, the fix adds this subject', async () => {
    const role = await insertRole(db, f.org.id, {
      accountId: ACCOUNT,
      name: `deploy-${randomId().slice(0, 6)}`,
      trustPolicy: statement({ StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${f.org.id}:project:web:environment:staging` } }),
    });
    const r = expectStatus(await evaluate(member, { token, roleId: role.id }), 200).json;
    expect(r).toMatchObject({ source: 'token', policyKnown: true, decision: 'ImplicitDeny', target: { kind: 'role', id: role.id, roleArn: role.arn, accountId: ACCOUNT } });
    expect(r.failingCondition).toMatchObject({ operator: 'StringEquals', key: `${prefix}:sub`, contextValues: [sub], matched: false });
    expect(r.failure).toContain(`The condition StringEquals on ${prefix}:sub in statement 1 fails`);
    expect(r.request.principal).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${prefix}`);
    expect(r.statements[0].conditions).toHaveLength(2);
    expect(r.fix.steps).toEqual([`Add this subject "${sub}" to StringEquals ${prefix}:sub`]);
    await fixAdmits(member, r.fix);
  });

  it('a saved trust policy with StringEquals and a wildcard: the fix switches to StringLike', async () => {
    const saved = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/trust-policies`, { name: `wild-${randomId().slice(0, 6)}`, policy: statement({ StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${f.org.id}:project:web:*` } }) }), 201).json;
    const r = expectStatus(await evaluate(member, { token, trustPolicyId: saved.id }), 200).json;
    expect(r).toMatchObject({ decision: 'ImplicitDeny', target: { kind: 'trust_policy', id: saved.id, name: saved.name } });
    expect(r.fix.steps).toEqual([`Switch StringEquals to StringLike on ${prefix}:sub: its values use a wildcard`]);
    await fixAdmits(member, r.fix);
  });

  it('session tags without sts:TagSession: refused for TagSession, the fix adds it', async () => {
    const tagged = await issuerFixture(server, { projectSlug: 'web', envSlug: 'prod' });
    expectStatus(await tagged.patchIssuer({ sessionTags: true }), 200);
    const tokenWithTags = await tagged.mint();
    expect(decodeJwt(tokenWithTags).claims['https://aws.amazon.com/tags']).toBeDefined();
    const p = tagged.org.issuer.replace(/^https?:\/\//, '');
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${p}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${p}:aud`]: 'sts.amazonaws.com' } } }] };
    const r = expectStatus(await evaluate(tagged.owner, { token: tokenWithTags, policy }, tagged.org.id), 200).json;
    expect(r).toMatchObject({ decision: 'ImplicitDeny', refusedForTagSession: true, target: { kind: 'policy' } });
    expect(r.fix.steps).toEqual(['Allow sts:TagSession too (the token carries session tags)']);
    const again = expectStatus(await evaluate(tagged.owner, { token: tokenWithTags, policy: r.fix.policy }, tagged.org.id), 200).json;
    expect(again.decision).toBe('Allow');
  });

  it('a deployment credential: evaluated through the recorded role of its ARN, or "unknown" when none is recorded', async () => {
    const role = await insertRole(db, f.org.id, { accountId: ACCOUNT, name: `cred-${randomId().slice(0, 6)}`, trustPolicy: statement({ StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${f.org.id}:*` } }) });
    const known = await insertCredential(db, f.org.id, { name: `known-${randomId().slice(0, 6)}`, roleArn: role.arn });
    const r = expectStatus(await evaluate(member, { token, credentialId: known }), 200).json;
    expect(r).toMatchObject({ policyKnown: true, decision: 'Allow', fix: null, failingCondition: null, target: { kind: 'credential', id: known, roleArn: role.arn, accountId: ACCOUNT } });
    const unknownArn = `arn:aws:iam::${ACCOUNT}:role/not-recorded`;
    const unknown = await insertCredential(db, f.org.id, { name: `unknown-${randomId().slice(0, 6)}`, roleArn: unknownArn });
    const u = expectStatus(await evaluate(member, { token, credentialId: unknown }), 200).json;
    expect(u).toMatchObject({ policyKnown: false, decision: null, statements: [], fix: null });
    expect(u.notes[0]).toContain(`The trust policy of ${unknownArn} is unknown`);
  });

  it('an environment’s unsigned claims instead of a token (members preview any environment)', async () => {
    const staging = await createEnvironment(f.owner, f.org.id, f.project.id, 'staging', 'staging');
    const policy = statement({ StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: sub } });
    const prod = expectStatus(await evaluate(member, { environmentId: f.env.id, policy }), 200).json;
    expect(prod).toMatchObject({ source: 'environment', decision: 'Allow' });
    const r = expectStatus(await evaluate(member, { environmentId: staging.id, policy }), 200).json;
    expect(r).toMatchObject({ source: 'environment', decision: 'ImplicitDeny', failingCondition: { key: `${prefix}:sub`, contextValues: [`org:${f.org.id}:project:web:environment:staging`] } });
    await fixAdmits(member, r.fix, { environmentId: staging.id });
  });

  it('a recorded provider without the token’s audience in that account is noted (STS refuses before the trust policy)', async () => {
    const account = '999988887777';
    const provider = await insertProvider(db, f.org.id, { accountId: account, issuerUrl: f.org.issuer, audiences: ['api://only'] });
    try {
      const role = await insertRole(db, f.org.id, { accountId: account, name: `aud-${randomId().slice(0, 6)}`, trustPolicy: statement({ StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' } }) });
      const r = expectStatus(await evaluate(member, { token, roleId: role.id }), 200).json;
      expect(r.notes.join(' ')).toContain(`The IAM OIDC provider recorded for account ${account} does not list "sts.amazonaws.com"`);
    } finally {
      await deleteProvider(db, provider);
    }
  });

  it('refusals: another organization’s role is 404; the body needs one source and one target; a bad token is named', async () => {
    const theirs = await insertRole(db, other.org.id, { accountId: ACCOUNT, name: `theirs-${randomId().slice(0, 6)}`, trustPolicy: statement({}) });
    expect(expectStatus(await evaluate(member, { token, roleId: theirs.id }), 404).json.error.code).toBe('not_found');
    expect(expectStatus(await evaluate(member, { token, credentialId: randomId() }), 404).json.error.code).toBe('not_found');
    expect(expectStatus(await evaluate(member, { environmentId: other.env.id, policy: statement({}) }), 404).json.error.code).toBe('not_found');
    const none = expectStatus(await evaluate(member, { policy: statement({}) }), 400).json.error;
    expect(none).toMatchObject({ code: 'invalid_request', issues: [{ path: 'token' }] });
    const two = expectStatus(await evaluate(member, { token, roleId: theirs.id, policy: statement({}) }), 400).json.error;
    expect(two.issues.map((i: { path: string }) => i.path)).toEqual(['roleId']);
    expect(expectStatus(await evaluate(member, { token: 'a.b', policy: statement({}) }), 400).json.error.code).toBe('invalid_token_format');
    expect(expectStatus(await evaluate(member, { token, policy: '{"Version":' }), 400).json.error.code).toBe('invalid_policy');
  });
});

describe('GET /api/v1/orgs/{orgId}/inspector/targets', () => {
  it('lists this organization’s roles, trust policies and credentials (with the recorded role of each credential)', async () => {
    const role = await insertRole(db, f.org.id, { accountId: ACCOUNT, name: `listed-${randomId().slice(0, 6)}`, trustPolicy: statement({}) });
    const cred = await insertCredential(db, f.org.id, { name: `listed-${randomId().slice(0, 6)}`, roleArn: role.arn });
    await insertRole(db, other.org.id, { accountId: ACCOUNT, name: 'not-ours', trustPolicy: statement({}) });
    const r = expectStatus(await member.get(`/api/v1/orgs/${f.org.id}/inspector/targets`), 200).json;
    expect(r.roles).toContainEqual({ id: role.id, name: role.arn.split('/')[1], arn: role.arn, accountId: ACCOUNT });
    expect(r.roles.some((x: { name: string }) => x.name === 'not-ours')).toBe(false);
    expect(r.credentials).toContainEqual({ id: cred, name: expect.any(String), roleArn: role.arn, roleId: role.id });
    expect(Array.isArray(r.trustPolicies)).toBe(true);
  });
});

describe('POST /api/v1/orgs/{orgId}/environments/{envId}/id-token (admin mint)', () => {
  it('mints a short-lived signed token that passes every inspector check; the audit row has the jti, never the token', async () => {
    const r = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/id-token`, {}), 200).json;
    const { header, claims } = decodeJwt(r.token);
    expect(claims).toMatchObject({ iss: f.org.issuer, sub, aud: 'sts.amazonaws.com', jti: r.jti, environment_id: f.env.id });
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(300);
    expect(header.kid).toBe(r.kid);
    expect(Date.parse(r.expiresAt)).toBe(Number(claims.exp) * 1000);
    const inspected = expectStatus(await f.owner.post('/api/v1/tokens/inspect', { token: r.token, orgId: f.org.id }), 200).json;
    expect(inspected.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    const audit = expectStatus(await f.owner.get(`/api/v1/orgs/${f.org.id}/audit?action=id_token.mint`), 200);
    expect(audit.json.items[0]).toMatchObject({ action: 'id_token.mint', target: { type: 'environment', id: f.env.id }, after: { jti: r.jti, purpose: 'inspector' } });
    expect(audit.text).not.toContain(r.token.split('.')[2]);
  });
  it('a shorter lifetime and another allowed audience; a foreign audience is refused', async () => {
    expectStatus(await f.patchIssuer({ audiences: ['sts.amazonaws.com', 'api://deploy'] }), 200);
    const r = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/id-token`, { audience: 'api://deploy', lifetimeSeconds: 60 }), 200).json;
    const { claims } = decodeJwt(r.token);
    expect(claims.aud).toBe('api://deploy');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
    const bad = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/id-token`, { audience: 'api://nope' }), 400).json.error;
    expect(bad).toMatchObject({ code: 'invalid_request', issues: [{ path: 'audience' }] });
    expect(expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/id-token`, { lifetimeSeconds: 3600 }), 400).json.error.issues[0].path).toBe('lifetimeSeconds');
  });
  it('members may not mint (403); another organization’s environment is 404', async () => {
    expect(expectStatus(await member.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/id-token`, {}), 403).json.error.code).toBe('forbidden');
    expect(expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${other.env.id}/id-token`, {}), 404).json.error.code).toBe('not_found');
  });
});
