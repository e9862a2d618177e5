import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { ROOT } from '../support/server';
import { discoverApiRoutes } from './authz/routes';

// CSRF: every state-changing request made with a browser session must carry Origin = PUBLIC_URL's
// origin (https://trustbridge.test). PUBLIC_URL — never Host or X-Forwarded-Host — is also the
// only source of the issuer URL.
const server = inject('server');
const PUBLIC_ORIGIN = 'https://trustbridge.test';
const FOREIGN_ORIGINS = [
  'https://evil.example',
  'http://trustbridge.test',
  'https://trustbridge.test.evil.example',
  'https://evil.trustbridge.test',
  'https://trustbridge.test:8443',
  'null',
];

// The token endpoint is bearer-only and never reads cookies (no ambient credential to forge):
// it is exempt by design and tested below without an Origin.
const BEARER_ONLY = new Set(['/api/v1/idp/token']);
const STATE_CHANGING = discoverApiRoutes(ROOT).routes.filter((r) => r.method !== 'GET' && !BEARER_ONLY.has(r.pattern));

const ANY_ID = '01m8474fmb8q3dvcafhgt5c8g9';

describe('the Origin rule on every state-changing API route', () => {
  let admin: TestClient;
  let orgId: string;
  let auditCount: number;

  const pathOf = (pattern: string) =>
    pattern
      .replace('[orgId]', orgId)
      .replace('[kid]', 'A'.repeat(20))
      .replace('[...path]', 'no/such/endpoint')
      .replace(/\[[A-Za-z]+\]/g, ANY_ID);

  async function countAudit(): Promise<number> {
    return (expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit?limit=200`), 200).json.items as unknown[]).length;
  }

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
    auditCount = await countAudit();
  });

  it('covers the state-changing routes found on disk', () => {
    expect(STATE_CHANGING.length).toBeGreaterThan(20);
    expect(STATE_CHANGING.map((r) => `${r.method} ${r.pattern}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/orgs', 'PATCH /api/v1/orgs/[orgId]', 'POST /api/v1/auth/logout', 'DELETE /api/v1/orgs/[orgId]/projects/[projectId]', 'PUT /api/v1/orgs/[orgId]/trust-policies/[policyId]']),
    );
  });

  it.each(STATE_CHANGING.map((r) => [r.method, r.pattern] as const))('%s %s: no Origin → 403 origin_mismatch; a foreign Origin → 403 origin_mismatch', async (method, pattern) => {
    const path = pathOf(pattern);
    const missing = await admin.request(method, path, { body: {}, origin: null });
    expect(missing.status).toBe(403);
    expect(missing.json.error.code).toBe('origin_mismatch');
    for (const origin of FOREIGN_ORIGINS) {
      const foreign = await admin.request(method, path, { body: {}, origin });
      expect(foreign.status, origin).toBe(403);
      expect(foreign.json.error.code, origin).toBe('origin_mismatch');
    }
    // A spoofed Host does not make a foreign Origin "same-origin".
    const spoofed = await admin.request(method, path, { body: {}, origin: 'https://evil.example', headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
    expect(spoofed.status).toBe(403);
    expect(spoofed.json.error.code).toBe('origin_mismatch');
  });

  it.each(STATE_CHANGING.filter((r) => r.pattern !== '/api/v1/auth/logout').map((r) => [r.method, r.pattern] as const))(
    '%s %s with the public Origin is handled normally',
    async (method, pattern) => {
      const r = await admin.request(method, pathOf(pattern), { body: {}, origin: PUBLIC_ORIGIN });
      // Past the Origin rule, each route does its usual thing: made-up ids name nothing (404),
      // {} is not a valid body (400) — except for a key rotation, a dashboard mint, Test connection
      // and the AWS apply/verify actions, where every field is optional (the made-up id then names nothing: 404).
      const optionalBody = pattern.endsWith('/id-token') || pattern.endsWith('/test-connection') || /\/aws\/(providers|roles)\/\[\w+\]\/(apply|verify)$/.test(pattern);
      const expected = method === 'DELETE' || pattern === '/api/[...path]' || optionalBody ? [404, 'not_found'] : pattern.endsWith('/keys/rotate') ? [201, undefined] : [400, 'invalid_request'];
      expect([r.status, r.json?.error?.code]).toEqual(expected);
    },
  );

  it('nothing was changed by the refused requests', async () => {
    expect(expectStatus(await admin.get(`/api/v1/orgs/${orgId}`), 200).json.version).toBe(1);
    // Only the accepted requests may have left audit rows (a key rotation accepts an empty body).
    const after = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit?limit=200`), 200).json.items as { action: string }[];
    expect(after.slice(0, after.length - auditCount).every((e) => e.action === 'signing_key.rotate')).toBe(true);
  });

  it('sign-out without Origin is refused and the session stays; with the public Origin it ends the session', async () => {
    const client = await signedInAdmin(server);
    const refused = await client.post('/api/v1/auth/logout', undefined, { origin: null });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('origin_mismatch');
    const foreign = await client.post('/api/v1/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout', undefined, { origin: PUBLIC_ORIGIN })).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('safe methods need no Origin', async () => {
    expect((await admin.get(`/api/v1/orgs/${orgId}`, { origin: null })).status).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${orgId}`, { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('bearer-authenticated requests', () => {
  let admin: TestClient;
  let orgId: string;
  let token: string;
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }] };

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    token = (await createToken(admin, orgId, env.id)).token;
  });

  it('a bearer Authorization header without a cookie is not Origin-checked (token endpoint and API routes)', async () => {
    const workload = new TestClient(server.url, server.publicUrl);
    const minted = await workload.post('/api/v1/idp/token', {}, { origin: null, cookie: null, headers: { Authorization: `Bearer ${token}` } });
    expect(minted.status).toBe(200);
    expect(minted.json.token).toMatch(/^ey/);
    const lint = await workload.post('/api/v1/trust-policy/lint', { policy }, { origin: null, cookie: null, headers: { Authorization: `Bearer ${token}` } });
    expect(lint.status).toBe(200);
    const foreign = await workload.post('/api/v1/trust-policy/lint', { policy }, { origin: 'https://evil.example', cookie: null, headers: { Authorization: `Bearer ${token}` } });
    expect(foreign.status).toBe(200);
  });

  it('a bearer header does not exempt a request that also carries the session cookie', async () => {
    const r = await admin.post('/api/v1/trust-policy/lint', { policy }, { origin: null, headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('origin_mismatch');
    const create = await admin.post('/api/v1/orgs', { name: 'Sneaky', slug: unique('sneaky') }, { origin: null, headers: { Authorization: 'Bearer anything' } });
    expect(create.status).toBe(403);
    expect(create.json.error.code).toBe('origin_mismatch');
  });

  it('skipping the Origin check for a bearer header grants nothing: a cookie route still needs a session', async () => {
    const r = await new TestClient(server.url, server.publicUrl).post('/api/v1/orgs', { name: 'Nope', slug: unique('nope') }, { origin: null, cookie: null, headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });
});

describe('Host and X-Forwarded-* never change the issuer or where links point', () => {
  let admin: TestClient;
  let orgId: string;
  const spoof = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http', Forwarded: 'host=evil.example;proto=http' };

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
  });

  it('org responses (create, read, list, rename) always name https://trustbridge.test/oidc/<id>', async () => {
    const slug = unique('spoof');
    const created = expectStatus(await admin.post('/api/v1/orgs', { name: 'Spoofed', slug }, { headers: spoof }), 201).json;
    expect(created.issuer).toBe(`https://trustbridge.test/oidc/${created.id}`);
    expect(expectStatus(await admin.get(`/api/v1/orgs/${orgId}`, { headers: spoof }), 200).json.issuer).toBe(`https://trustbridge.test/oidc/${orgId}`);
    const list = expectStatus(await admin.get('/api/v1/orgs?limit=200', { headers: spoof }), 200).json.items as { id: string; issuer: string }[];
    expect(list.length).toBeGreaterThan(1);
    for (const org of list) expect(org.issuer).toBe(`https://trustbridge.test/oidc/${org.id}`);
    const renamed = expectStatus(await admin.patch(`/api/v1/orgs/${created.id}`, { name: 'Renamed', version: 1 }, { headers: spoof }), 200).json;
    expect(renamed.issuer).toBe(`https://trustbridge.test/oidc/${created.id}`);
  });

  it('discovery, issuer settings and invitation links use PUBLIC_URL', async () => {
    const discovery = expectStatus(await admin.get(`/oidc/${orgId}/.well-known/openid-configuration`, { headers: spoof }), 200).json;
    expect(discovery.issuer).toBe(`https://trustbridge.test/oidc/${orgId}`);
    expect(discovery.jwks_uri).toMatch(/^https:\/\/trustbridge\.test\/oidc\//);
    const issuer = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/issuer`, { headers: spoof }), 200).json;
    expect(issuer.issuer).toBe(`https://trustbridge.test/oidc/${orgId}`);
    const invite = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/members`, { email: `${unique('spoof')}@example.com`, role: 'member' }, { headers: spoof }), 201).json;
    expect(invite.inviteUrl).toMatch(/^https:\/\/trustbridge\.test\/invite#tbi_/);
  });

  it('redirects are relative, never to the spoofed host', async () => {
    const r = await new TestClient(server.url, server.publicUrl).get('/orgs/new', { headers: spoof });
    expect(r.status).toBe(307);
    expect(r.headers.location).toBe('/sign-in?next=%2Forgs%2Fnew');
  });
});
