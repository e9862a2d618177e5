import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, signedInAdmin } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { startIsolatedServer, type IsolatedServer } from '../support/isolated-server';

// Security headers on every kind of response: pages, JSON, errors from the front door and from
// route handlers, 404 page, API catch-all, issuer hot paths, static assets.
const server = inject('server');
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
const REQUEST_ID = /^[0-9a-f]{20}$/;

function expectBaseHeaders(r: HttpResult, https: boolean, what: string): void {
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(r.headers['referrer-policy'], what).toBe('no-referrer');
  expect(r.headers['x-frame-options'], what).toBe('DENY');
  expect(String(r.headers['content-security-policy']), what).toContain("frame-ancestors 'none'");
  expect(r.headers['x-request-id'], what).toMatch(REQUEST_ID);
  if (https) expect(r.headers['strict-transport-security'], what).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  else expect(r.headers['strict-transport-security'], what).toBeUndefined();
}

function pageNonce(r: HttpResult): string {
  const csp = String(r.headers['content-security-policy']);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
  if (!nonce) throw new Error(`no script nonce in ${csp}`);
  return nonce;
}

/** Every script tag carries the response's nonce, and every nonce attribute is that nonce. */
function expectHtmlUsesNonce(r: HttpResult, nonce: string): void {
  const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.filter((s) => !s.includes(' src=')).length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const nonces = [...r.text.matchAll(/\snonce="([^"]*)"/g)].map((m) => m[1]);
  expect(nonces.length).toBeGreaterThanOrEqual(scripts.length);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
}

describe('security headers (PUBLIC_URL https)', () => {
  let admin: TestClient;
  let orgId: string;
  let token: string;
  const anonymous = () => new TestClient(server.url, server.publicUrl);

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
    const project = await createProject(admin, orgId);
    token = (await createToken(admin, orgId, (await createEnvironment(admin, orgId, project.id)).id)).token;
  });

  it('pages: a CSP with a per-request nonce that the HTML uses, no unsafe-inline, frame-ancestors none, upgrade-insecure-requests', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => anonymous().get('/sign-in')));
    const nonces = responses.map(pageNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const [i, r] of responses.entries()) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expectBaseHeaders(r, true, '/sign-in');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain('upgrade-insecure-requests');
      expect(nonces[i]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expectHtmlUsesNonce(r, nonces[i] ?? '');
    }
  });

  it('the 404 page is a page too: its own nonce, used by its HTML', async () => {
    const r = await anonymous().get('/no-such-page');
    expect(r.status).toBe(404);
    expectBaseHeaders(r, true, '404 page');
    expectHtmlUsesNonce(r, pageNonce(r));
  });

  it('request ids are fresh per response and a client-chosen one is replaced', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, async () => (await anonymous().get('/api/health', { headers: { 'X-Request-Id': 'attacker-chosen-request-id' } })).headers['x-request-id']));
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const apiCases: [string, () => Promise<HttpResult>, number][] = [
    ['GET /api/health', () => anonymous().get('/api/health'), 200],
    ['GET /api/v1/me anonymous', () => anonymous().get('/api/v1/me'), 401],
    ['POST /api/v1/orgs with an invalid body', () => admin.post('/api/v1/orgs', {}), 400],
    ['POST /api/v1/orgs without Origin (front door)', () => admin.post('/api/v1/orgs', {}, { origin: null }), 403],
    ['POST over 1 MiB (front door)', () => admin.request('POST', '/api/v1/orgs', { rawBody: 'x'.repeat(1024 * 1024 + 1) }), 413],
    ['GET unknown /api path (catch-all)', () => admin.get('/api/v1/no-such-thing'), 404],
    ['DELETE unknown /api path (catch-all)', () => admin.delete('/api/nothing/here'), 404],
    ['GET another org (404 JSON)', () => admin.get('/api/v1/orgs/01m8474fmb8q3dvcafhgt5c8g9'), 404],
    ['GET discovery (issuer hot path)', () => anonymous().get(`/oidc/${orgId}/.well-known/openid-configuration`), 200],
    ['GET JWKS (issuer hot path)', () => anonymous().get(`/oidc/${orgId}/.well-known/jwks.json`), 200],
    ['GET unknown issuer document', () => anonymous().get(`/oidc/${orgId}/nothing-here`), 404],
    ['POST token endpoint without a token', () => anonymous().post('/api/v1/idp/token', {}, { origin: null }), 401],
    ['POST token endpoint with a token', () => anonymous().post('/api/v1/idp/token', {}, { origin: null, headers: { Authorization: `Bearer ${token}` } }), 200],
    ['GET audit export (streamed)', () => admin.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200],
  ];

  it.each(apiCases)('%s carries nosniff, Referrer-Policy, X-Frame-Options, HSTS, a request id and the no-content CSP', async (what, call, status) => {
    const r = await call();
    expect(r.status).toBe(status);
    expectBaseHeaders(r, true, what);
    expect(r.headers['content-security-policy']).toBe(API_CSP);
    if (r.status >= 400 && r.json?.error?.requestId !== undefined) expect(r.json.error.requestId).toBe(r.headers['x-request-id']);
  });

  it('static assets get the headers too', async () => {
    const page = await anonymous().get('/sign-in');
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeTruthy();
    const r = await anonymous().get(String(asset));
    expect(r.status).toBe(200);
    expectBaseHeaders(r, true, String(asset));
  });
});

describe('security headers (PUBLIC_URL http)', () => {
  let http: IsolatedServer;
  beforeAll(async () => {
    http = await startIsolatedServer({ publicUrl: 'http://localhost:1234' });
  }, 90_000);
  afterAll(() => http?.stop());

  it('no HSTS and no upgrade-insecure-requests anywhere, everything else unchanged', async () => {
    const client = new TestClient(http.url, http.publicUrl);
    const page = await client.get('/sign-in');
    expect(page.status).toBe(200);
    expectBaseHeaders(page, false, 'page');
    expect(String(page.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expectHtmlUsesNonce(page, pageNonce(page));
    for (const [what, r] of [
      ['health', await client.get('/api/health')],
      ['401', await client.get('/api/v1/me')],
      ['catch-all', await client.get('/api/v1/nothing')],
      ['front-door 403', await client.post('/api/v1/orgs', {}, { origin: null })],
      ['404 page', await client.get('/nothing')],
    ] as const) {
      expectBaseHeaders(r, false, what);
    }
  });
});
