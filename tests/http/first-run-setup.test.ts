import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { openDatabase, startIsolatedServer, type IsolatedServer } from '../support/isolated-server';

// First-run setup on a server that starts with no user (no TRUSTBRIDGE_ADMIN_*), on plain http:
// the one-time code is printed in the server output; whoever has it creates the first account.
// The tests of this file run in order on one server.

const CODE = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/;
const PASSWORD = 'first-run-password-canary-4711';
const body = (code: string, email = 'first@example.com') => ({ code, name: 'First Admin', email, password: PASSWORD });

describe('first-run setup', () => {
  let fresh: IsolatedServer;
  let code: string;
  const client = (address?: string) => new TestClient(fresh.url, fresh.publicUrl, address);

  beforeAll(async () => {
    fresh = await startIsolatedServer({ admin: false, publicUrl: 'http://localhost:1234' });
    code = CODE.exec(fresh.output())?.[1] ?? '';
  }, 90_000);
  afterAll(() => fresh?.stop());

  it('prints a one-time code and reports that setup is needed; the setup page is shown and sign-in leads there', async () => {
    expect(code).toMatch(CODE);
    expect(expectStatus(await client().get('/api/v1/setup'), 200).json).toEqual({ needsSetup: true });
    const page = await client().get('/setup');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const signIn = await client().get('/sign-in');
    expect(signIn.status).toBe(307);
    expect(signIn.headers.location).toBe('/setup');
  });

  it('refuses a wrong code with 400 invalid_setup_code, and an invalid body with 400 invalid_request, without creating anyone', async () => {
    const wrong = await client().post('/api/v1/setup', body('ZZZZ-ZZZZ-ZZZZ'));
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('invalid_setup_code');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const invalid = await client().post('/api/v1/setup', { ...body(code), email: 'not-an-email', password: 'short' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('invalid_request');
    expect((invalid.json.error.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['email', 'password']);
    expect(expectStatus(await client().get('/api/v1/setup'), 200).json).toEqual({ needsSetup: true });
  });

  it('throttles guessing: after 10 wrong codes one address gets 429 rate_limited with Retry-After, even with the right code', async () => {
    const guesser = client('10.200.0.1');
    for (let i = 0; i < 10; i++) {
      const r = await guesser.post('/api/v1/setup', body(`AAAA-AAAA-AA${String(i).padStart(2, '0')}`));
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid_setup_code');
    }
    const locked = await guesser.post('/api/v1/setup', body(code));
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('rate_limited');
    expect(String(locked.headers['retry-after'])).toMatch(/^\d+$/);
    expect(expectStatus(await client().get('/api/v1/setup'), 200).json).toEqual({ needsSetup: true });
  });

  it('accepts the code once, ignoring case and dashes: of concurrent attempts exactly one creates the account', async () => {
    const variants = [code.toLowerCase(), code.replace(/-/g, ''), code.toLowerCase().replace(/-/g, ' '), code];
    const results = await Promise.all(variants.map((v, i) => client().post('/api/v1/setup', body(v, `first-${i}@example.com`))));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.json.error.code).toBe('setup_not_available');
    }
    const winner = created[0];
    if (!winner) throw new Error('no setup succeeded');
    const email = `first-${results.indexOf(winner)}@example.com`;
    // Plain-http PUBLIC_URL: no Secure flag and no __Host- prefix.
    const cookie = String(winner.headers['set-cookie']);
    expect(cookie).toMatch(/^tb_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const admin = client();
    admin.absorbCookies(winner);
    expect(expectStatus(await admin.get('/api/v1/me'), 200).json.user.email).toBe(email);

    const db = openDatabase(fresh.database);
    try {
      expect(await db.user.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it('is closed afterwards: 409 setup_not_available (even with the code), needsSetup false, /setup redirects to /sign-in', async () => {
    const again = await client().post('/api/v1/setup', body(code, 'second@example.com'));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('setup_not_available');
    expect(expectStatus(await client().get('/api/v1/setup'), 200).json).toEqual({ needsSetup: false });
    const page = await client().get('/setup');
    expect(page.status).toBe(307);
    expect(page.headers.location).toBe('/sign-in');
    expect((await client().get('/sign-in')).status).toBe(200);
  });

  it('the new account signs in with its password; the code was printed once and the password never', async () => {
    const users = openDatabase(fresh.database);
    let email: string;
    try {
      email = (await users.user.findFirstOrThrow()).email;
    } finally {
      await users.$disconnect();
    }
    expect((await client().signIn(email, PASSWORD)).status).toBe(200);
    const log = readFileSync(fresh.logFile, 'utf8');
    expect(log.split(code)).toHaveLength(2);
    expect(log).not.toContain(PASSWORD);
  });
});
