import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, signedInAdmin } from '../support/fixtures';
import { TestClient } from '../support/http-client';

// The app as a browser behind a TLS-terminating proxy sees it: PUBLIC_URL https://trustbridge.test,
// requests to the plain-http port with the public Host and Origin.
const server = inject('server');

describe('security headers', () => {
  const client = () => new TestClient(server.url, server.publicUrl);

  it('pages: CSP with a fresh nonce per request that matches the HTML, frame-ancestors none, nosniff, referrer policy, HSTS', async () => {
    const first = await client().get('/sign-in');
    const second = await client().get('/sign-in');
    expect(first.status).toBe(200);
    const csp = String(first.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(first.text).toContain(`nonce="${nonce}"`);
    expect(String(second.headers['content-security-policy'])).not.toContain(String(nonce));
    for (const r of [first, second]) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{20}$/);
    }
  });

  it.each(['/api/health', '/api/v1/me', '/api/v1/no-such-thing', '/no-such-page', '/oidc/01m8474fmb8q3dvcafhgt5c8g9/.well-known/jwks.json'])('%s carries the security headers too', async (path) => {
    const r = await client().get(path);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toMatch(/max-age/);
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('a client-supplied request id is replaced', async () => {
    const r = await client().get('/api/health', { headers: { 'X-Request-Id': 'attacker-chosen-request-id' } });
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe('cross-origin writes (Origin must be PUBLIC_URL)', () => {
  let admin: TestClient;
  let orgId: string;
  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
  });

  it.each([
    ['POST', '/api/v1/orgs', { name: 'x', slug: 'x-origin' }],
    ['PATCH', '/api/v1/orgs/ORG', { name: 'x', version: 1 }],
    ['POST', '/api/v1/orgs/ORG/projects', { name: 'p', slug: 'p-origin' }],
    ['DELETE', '/api/v1/orgs/ORG/projects/01m8474fmb8q3dvcafhgt5c8g9', undefined],
    ['POST', '/api/v1/auth/logout', undefined],
  ])('%s %s without Origin → 403 origin_mismatch; with a foreign Origin → 403', async (method, path, body) => {
    const p = path.replace('ORG', orgId);
    const none = await admin.request(method, p, { ...(body ? { body } : {}), origin: null });
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('origin_mismatch');
    for (const origin of ['https://evil.example', 'http://trustbridge.test', 'https://trustbridge.test.evil.example', 'null']) {
      const foreign = await admin.request(method, p, { ...(body ? { body } : {}), origin });
      expect(foreign.status, origin).toBe(403);
      expect(foreign.json.error.code).toBe('origin_mismatch');
    }
    const orgAfter = expectStatus(await admin.get(`/api/v1/orgs/${orgId}`), 200).json;
    expect(orgAfter.version).toBe(1);
  });

  it('bearer-authenticated workload requests need no Origin', async () => {
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const token = await createToken(admin, orgId, env.id);
    const workload = new TestClient(server.url, server.publicUrl);
    const r = await workload.post('/api/v1/idp/token', undefined, { origin: null, headers: { Authorization: `Bearer ${token.token}` } });
    expect(r.status).toBe(200);
  });

  it('Host and X-Forwarded-Host never change the issuer', async () => {
    const r = await admin.get(`/api/v1/orgs/${orgId}`, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' } });
    expect(r.json.issuer).toBe(`https://trustbridge.test/oidc/${orgId}`);
    const discovery = await admin.get(`/oidc/${orgId}/.well-known/openid-configuration`, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
    expect(discovery.json.issuer).toBe(`https://trustbridge.test/oidc/${orgId}`);
  });
});

describe('session cookie', () => {
  it('is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ when PUBLIC_URL is https', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    const r = await client.signIn('admin@trustbridge.test', 'admin-password-for-tests-only');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-tb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('; Secure');
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Lax');
    expect(cookie).toContain('; Path=/');
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  let admin: TestClient;
  let orgId: string;
  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
  });

  it('malformed JSON → 400 invalid_json', async () => {
    const r = await admin.request('POST', `/api/v1/orgs/${orgId}/projects`, { rawBody: '{"name": "x",', contentType: 'application/json' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_json');
  });

  it('a body that is not JSON → 415 unsupported_media_type', async () => {
    const r = await admin.request('POST', `/api/v1/orgs/${orgId}/projects`, { rawBody: 'name=x&slug=y', contentType: 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('unsupported_media_type');
  });

  it('a body over the route limit → 413, also when sent chunked; over 1 MiB → 413 at the front door', async () => {
    const big = JSON.stringify({ name: 'x', slug: 'y', pad: 'a'.repeat(70 * 1024) });
    const declared = await admin.request('POST', `/api/v1/orgs/${orgId}/projects`, { rawBody: big });
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe('payload_too_large');
    const chunked = await admin.request('POST', `/api/v1/orgs/${orgId}/projects`, { rawBody: big, headers: { 'Transfer-Encoding': 'chunked' } });
    expect(chunked.status).toBe(413);
    const huge = await admin.request('POST', `/api/v1/orgs/${orgId}/projects`, { rawBody: 'x'.repeat(1024 * 1024 + 10) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
  });

  it.each([
    ['/api/v1/orgs', {}, ['name', 'slug']],
    ['/api/v1/orgs', { name: 'x', slug: 'Not A Slug' }, ['slug']],
    ['/api/v1/orgs', { name: '', slug: '-bad-' }, ['name', 'slug']],
    ['/api/v1/orgs', { name: 'x'.repeat(81), slug: 'ok' }, ['name']],
    ['/api/v1/orgs', { name: 'line\nbreak', slug: 'ok' }, ['name']],
    ['/api/v1/orgs/ORG/projects', { name: 'x', slug: 42 }, ['slug']],
    ['/api/v1/orgs/ORG/environments', { projectId: 'nope', name: 'e', slug: 'e', stage: 'prod' }, ['projectId', 'stage']],
    ['/api/v1/orgs/ORG/members', { email: 'not-an-email', role: 'superuser' }, ['email', 'role']],
    ['/api/v1/orgs/ORG/members', [], []],
  ])('POST %s %j → 400 invalid_request naming %j', async (path, body, fields) => {
    const r = await admin.post(path.replace('ORG', orgId), body);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    const paths = (r.json.error.issues as { path: string }[]).map((i) => i.path);
    for (const field of fields) expect(paths).toContain(field);
  });

  it.each(['/api/v1/orgs/not-an-id', '/api/v1/orgs/ORG/projects/%00', '/api/v1/orgs/ORG/environments/../../etc', "/api/v1/orgs/ORG/projects/1' OR '1'='1"])('malformed ids answer 404: %s', async (path) => {
    const r = await admin.get(path.replace('ORG', orgId));
    expect(r.status).toBe(404);
  });

  it('unknown API paths answer JSON 404 not_found', async () => {
    const r = await admin.get('/api/v2/whatever');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });
});
