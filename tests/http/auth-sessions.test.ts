import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrg, expectStatus, PASSWORD, signedInAdmin, userWithRole } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { openDatabase, startIsolatedServer, type IsolatedServer } from '../support/isolated-server';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/server';

// Sign-in, session cookies, fixation, sign-out, throttling and expiry, through the real server.
// The shared server runs with PUBLIC_URL https://trustbridge.test behind a (simulated) proxy.
const server = inject('server');

const setCookieOf = (r: HttpResult): string => {
  const header = r.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
};
const attributes = (cookie: string) =>
  cookie
    .split(';')
    .slice(1)
    .map((a) => a.trim());
const cookieValue = (cookie: string | null) => (cookie ?? '').split('=')[1] ?? '';
const sessionIdOf = (cookie: string | null) => createHash('sha256').update(cookieValue(cookie)).digest('hex');

describe('sign-in on an https deployment', () => {
  let email: string;
  let otherEmail: string;
  beforeAll(async () => {
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    ({ email } = await userWithRole(admin, server, org.id, 'member'));
    ({ email: otherEmail } = await userWithRole(admin, server, org.id, 'member'));
  });

  it('sets the session cookie __Host-prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and without Domain', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    const r = expectStatus(await client.signIn(email, PASSWORD), 200);
    const cookie = setCookieOf(r);
    expect(cookie).toMatch(/^__Host-tb_session=[A-Za-z0-9_-]{43};/);
    const attrs = attributes(cookie);
    expect(attrs).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']));
    expect(attrs.some((a) => /^domain=/i.test(a))).toBe(false);
    expect(Number(/^Max-Age=(\d+)$/.exec(attrs.find((a) => a.startsWith('Max-Age=')) ?? '')?.[1])).toBeGreaterThan(0);
    expect(r.json).toMatchObject({ status: 'ok', expiresAt: expect.any(String) });
    expect(expectStatus(await client.get('/api/v1/me'), 200).json.user.email).toBe(email);
  });

  it('answers a wrong password and an unknown email identically: 401 invalid_credentials, no cookie', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    const wrong = await client.signIn(email, 'not-the-password-at-all');
    const unknown = await client.signIn(`nobody-${randomBytes(4).toString('hex')}@example.com`, 'not-the-password-at-all');
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('invalid_credentials');
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.headers['retry-after']).toBeUndefined();
    }
    expect(unknown.json).toEqual(wrong.json);
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
  });

  it('issues a new session id at every sign-in and ends a session presented at sign-in (fixation)', async () => {
    // The attacker holds a real session and plants its cookie in the victim's browser.
    const attacker = new TestClient(server.url, server.publicUrl);
    expectStatus(await attacker.signIn(otherEmail, PASSWORD), 200);
    const planted = attacker.cookie;
    expect((await attacker.get('/api/v1/me')).status).toBe(200);

    const victim = new TestClient(server.url, server.publicUrl);
    victim.cookie = planted;
    expectStatus(await victim.signIn(email, PASSWORD), 200);
    expect(victim.cookie).not.toBe(planted);
    expect(expectStatus(await victim.get('/api/v1/me'), 200).json.user.email).toBe(email);
    const replay = await attacker.get('/api/v1/me');
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('unauthenticated');

    // Signing in again: yet another id, and the previous one ends.
    const before = victim.cookie;
    expectStatus(await victim.signIn(email, PASSWORD), 200);
    expect(victim.cookie).not.toBe(before);
    expect((await victim.get('/api/v1/me', { cookie: before })).status).toBe(401);
    expect((await victim.get('/api/v1/me')).status).toBe(200);

    // A value the server never issued is not adopted either.
    const chosen = `__Host-tb_session=${randomBytes(32).toString('base64url')}`;
    const fresh = new TestClient(server.url, server.publicUrl);
    fresh.cookie = chosen;
    expectStatus(await fresh.signIn(email, PASSWORD), 200);
    expect(fresh.cookie).not.toBe(chosen);
    expect((await fresh.get('/api/v1/me', { cookie: chosen })).status).toBe(401);
  });

  it('sign-out revokes the session on the server (the old cookie gets 401) and clears the cookie; other sessions live on', async () => {
    const other = new TestClient(server.url, server.publicUrl);
    expectStatus(await other.signIn(email, PASSWORD), 200);
    const client = new TestClient(server.url, server.publicUrl);
    expectStatus(await client.signIn(email, PASSWORD), 200);
    const cookie = client.cookie;
    const out = await client.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    const cleared = setCookieOf(out);
    expect(cleared).toMatch(/^__Host-tb_session=;/);
    expect(attributes(cleared)).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/', 'HttpOnly', 'Secure']));
    const replay = await client.get('/api/v1/me', { cookie });
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('unauthenticated');
    expect((await client.post('/api/v1/orgs', { name: 'After logout', slug: 'after-logout' }, { cookie })).status).toBe(401);
    expect((await other.get('/api/v1/me')).status).toBe(200);
  });

  it.each([
    ['a well-formed value nobody issued', `__Host-tb_session=${'A'.repeat(43)}`],
    ['path characters', '__Host-tb_session=../../etc/passwd'],
    ['the http cookie name on an https server', `tb_session=${'B'.repeat(43)}`],
    ['an empty value', '__Host-tb_session='],
  ])('a cookie with %s is not signed in (401 unauthenticated)', async (_what, cookie) => {
    const r = await new TestClient(server.url, server.publicUrl).get('/api/v1/me', { cookie });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });

  it('locks an account after 5 failures: 429 rate_limited with a numeric Retry-After, even for the right password and from elsewhere; other accounts still sign in', async () => {
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    const victim = await userWithRole(admin, server, org.id, 'member');
    const attacker = new TestClient(server.url, server.publicUrl);
    // Case variants of the address are the same account.
    for (let i = 0; i < 5; i++) {
      const r = await attacker.signIn(i % 2 ? victim.email.toUpperCase() : victim.email, `wrong-password-${i}`);
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('invalid_credentials');
    }
    const locked = await attacker.signIn(victim.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('rate_limited');
    expect(locked.headers['set-cookie']).toBeUndefined();
    const retryAfter = String(locked.headers['retry-after']);
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);

    const elsewhere = await new TestClient(server.url, server.publicUrl).signIn(victim.email, PASSWORD);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.json.error.code).toBe('rate_limited');
    // The session the victim already has keeps working.
    expect((await victim.client.get('/api/v1/me')).status).toBe(200);

    const someoneElse = new TestClient(server.url, server.publicUrl);
    expect((await someoneElse.signIn(otherEmail, PASSWORD)).status).toBe(200);
    expect(someoneElse.forwardedFor).not.toBe(attacker.forwardedFor);
  });

  it('a forged or garbage cookie is simply not signed in (401)', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    for (const cookie of ['__Host-tb_session=' + 'A'.repeat(43), '__Host-tb_session=../../etc', 'tb_session=whatever']) {
      expect((await client.get('/api/v1/me', { cookie })).status).toBe(401);
    }
  });

  it('a successful sign-in resets the failure count', async () => {
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    const user = await userWithRole(admin, server, org.id, 'member');
    const client = new TestClient(server.url, server.publicUrl);
    for (let i = 0; i < 4; i++) expect((await client.signIn(user.email, `wrong-${i}`)).status).toBe(401);
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await client.signIn(user.email, `wrong-again-${i}`)).status).toBe(401);
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
  });
});

describe('sessions on a plain-http deployment with short limits', () => {
  // The smallest limits the configuration allows: 60 s idle, 300 s absolute.
  let http: IsolatedServer;
  beforeAll(async () => {
    http = await startIsolatedServer({ publicUrl: 'http://localhost:1234', env: { TRUSTBRIDGE_SESSION_IDLE_SECONDS: '60', TRUSTBRIDGE_SESSION_MAX_SECONDS: '300' } });
  }, 90_000);
  afterAll(() => http?.stop());

  it('sets tb_session without Secure and without the __Host- prefix, still HttpOnly, SameSite=Lax, Path=/, Max-Age = the absolute limit', async () => {
    const client = new TestClient(http.url, http.publicUrl);
    const r = expectStatus(await client.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);
    const cookie = setCookieOf(r);
    expect(cookie).toMatch(/^tb_session=[A-Za-z0-9_-]{43};/);
    const attrs = attributes(cookie);
    expect(attrs).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=300']));
    expect(attrs).not.toContain('Secure');
    expect(expectStatus(await client.get('/api/v1/me'), 200).json.user.email).toBe(ADMIN_EMAIL);
    const out = await client.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(setCookieOf(out)).toMatch(/^tb_session=;/);
    expect(attributes(setCookieOf(out))).not.toContain('Secure');
  });

  it('reports idle expiry 60 s and absolute expiry 300 s after sign-in', async () => {
    const client = new TestClient(http.url, http.publicUrl);
    const start = Date.now();
    expectStatus(await client.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);
    const { session } = expectStatus(await client.get('/api/v1/me'), 200).json as { session: { idleExpiresAt: string; absoluteExpiresAt: string } };
    const idle = Date.parse(session.idleExpiresAt) - start;
    const absolute = Date.parse(session.absoluteExpiresAt) - start;
    expect(idle).toBeGreaterThan(59_000);
    expect(idle).toBeLessThan(65_000);
    expect(absolute).toBeGreaterThan(299_000);
    expect(absolute).toBeLessThan(305_000);
  });

  it('a session past its idle expiry, or past its absolute expiry while recently used, is signed out (401)', async () => {
    const db = openDatabase(http.database);
    try {
      const idleClient = new TestClient(http.url, http.publicUrl);
      expectStatus(await idleClient.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);
      const absoluteClient = new TestClient(http.url, http.publicUrl);
      expectStatus(await absoluteClient.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);
      const control = new TestClient(http.url, http.publicUrl);
      expectStatus(await control.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);

      // Time cannot be fast-forwarded inside the server: move the session's clock back instead.
      const past = new Date(Date.now() - 1000);
      expect((await db.session.updateMany({ where: { id: sessionIdOf(idleClient.cookie) }, data: { idleExpiresAt: past } })).count).toBe(1);
      expect((await db.session.updateMany({ where: { id: sessionIdOf(absoluteClient.cookie) }, data: { absoluteExpiresAt: past, lastSeenAt: new Date() } })).count).toBe(1);

      for (const client of [idleClient, absoluteClient]) {
        const r = await client.get('/api/v1/me');
        expect(r.status).toBe(401);
        expect(r.json.error.code).toBe('unauthenticated');
      }
      expect((await control.get('/api/v1/me')).status).toBe(200);
    } finally {
      await db.$disconnect();
    }
  });
});
