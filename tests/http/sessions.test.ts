import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrg, PASSWORD, signedInAdmin, userWithRole } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { startServer, type RunningServer } from '../support/server';

const server = inject('server');

describe('sign-in, sessions and sign-out', () => {
  let email: string;
  beforeAll(async () => {
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    ({ email } = await userWithRole(admin, server, org.id, 'member'));
  });

  it('a wrong password and an unknown account get the same 401 invalid_credentials', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    const wrong = await client.signIn(email, 'not-the-password-at-all');
    const unknown = await client.signIn('nobody-here@example.com', 'not-the-password-at-all');
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is not correct.' } });
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('every sign-in gets a new session id; a cookie presented at sign-in is ended (no fixation)', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    await client.signIn(email, PASSWORD);
    const first = client.cookie;
    expect((await client.get('/api/v1/me')).status).toBe(200);
    await client.signIn(email, PASSWORD);
    expect(client.cookie).not.toBe(first);
    expect((await client.get('/api/v1/me', { cookie: first })).status).toBe(401);
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('sign-out revokes the session on the server, not just the cookie', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    await client.signIn(email, PASSWORD);
    const cookie = client.cookie;
    const out = await client.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    const replay = await client.get('/api/v1/me', { cookie });
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('unauthenticated');
  });

  it('a forged or garbage cookie is simply not signed in', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    for (const cookie of ['__Host-tb_session=' + 'A'.repeat(43), '__Host-tb_session=../../etc', 'tb_session=whatever']) {
      expect((await client.get('/api/v1/me', { cookie })).status).toBe(401);
    }
  });

  it('after 5 failures the account is locked for a while — even the right password gets 429 with Retry-After — while others still sign in', async () => {
    const attacker = new TestClient(server.url, server.publicUrl, '10.66.0.1');
    for (let i = 0; i < 5; i++) expect((await attacker.signIn(email, `wrong-password-${i}`)).status).toBe(401);
    const locked = await attacker.signIn(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    const fromElsewhere = await new TestClient(server.url, server.publicUrl, '10.77.0.1').signIn(email, PASSWORD);
    expect(fromElsewhere.status).toBe(429);
    const other = await new TestClient(server.url, server.publicUrl, '10.66.0.1').signIn('admin@trustbridge.test', 'admin-password-for-tests-only');
    expect(other.status).toBe(200);
  });
});

describe('first-run setup (no user yet, plain-http PUBLIC_URL)', () => {
  let fresh: RunningServer;
  beforeAll(async () => {
    fresh = await startServer({ admin: false, publicUrl: 'http://localhost:8080' });
  }, 60_000);
  afterAll(() => fresh.stop());

  it('works once with the code from the server log; wrong codes are refused; then it is closed', async () => {
    const client = new TestClient(fresh.url, fresh.publicUrl);
    expect((await client.get('/api/v1/setup')).json).toEqual({ needsSetup: true });
    expect((await client.get('/setup')).status).toBe(200);
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(fresh.output())?.[1] ?? '';
    expect(code).not.toBe('');
    const body = { name: 'First', email: 'first@example.com', password: 'first-password-123' };
    const wrong = await client.post('/api/v1/setup', { ...body, code: 'ZZZZ-ZZZZ-ZZZZ' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('invalid_setup_code');
    const ok = await client.post('/api/v1/setup', { ...body, code: code.toLowerCase().replace(/-/g, ' ') });
    expect(ok.status).toBe(201);
    const cookie = String(ok.headers['set-cookie']);
    // http PUBLIC_URL: no Secure flag and no __Host- prefix, still HttpOnly and SameSite=Lax.
    expect(cookie).toMatch(/^tb_session=/);
    expect(cookie).not.toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    client.absorbCookies(ok);
    expect((await client.get('/api/v1/me')).json.user.email).toBe('first@example.com');
    const again = await new TestClient(fresh.url, fresh.publicUrl).post('/api/v1/setup', { ...body, email: 'second@example.com', code });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('setup_not_available');
    const page = await new TestClient(fresh.url, fresh.publicUrl).get('/setup');
    expect(page.status).toBe(307);
    expect(page.headers.location).toContain('/sign-in');
    expect((await client.get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  });

  it('setup codes cannot be guessed: 10 wrong codes from one address lock it out (429), even for the right code', async () => {
    const another = await startServer({ admin: false, publicUrl: 'http://localhost:8081' });
    try {
      const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(another.output())?.[1] ?? '';
      const guesser = new TestClient(another.url, another.publicUrl, '10.99.0.9');
      const body = { name: 'x', email: 'x@example.com', password: 'x-password-123' };
      for (let i = 0; i < 10; i++) expect((await guesser.post('/api/v1/setup', { ...body, code: `AAAA-AAAA-AA${String(i).padStart(2, '0')}` })).status).toBe(400);
      const locked = await guesser.post('/api/v1/setup', { ...body, code });
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBeDefined();
      expect((await new TestClient(another.url, another.publicUrl, '10.99.0.10').post('/api/v1/setup', { ...body, code })).status).toBe(201);
    } finally {
      await another.stop();
    }
  }, 60_000);
});
