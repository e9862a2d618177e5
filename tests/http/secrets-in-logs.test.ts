import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg, PASSWORD, unique } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { ADMIN_PASSWORD } from '../support/server';

// The shared server logs at debug level. Everything secret that passes through it — passwords
// (right and wrong), environment tokens (valid, revoked, forged), ID tokens, invitation links,
// setup codes, session cookies — must never reach its output, also when requests fail.
const server = inject('server');
const canary = (label: string) => `${label}-${randomBytes(9).toString('base64url')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const bearer = (token: string) => ({ origin: null, cookie: null, headers: { Authorization: `Bearer ${token}` } });

describe('the server log', () => {
  it('never contains a secret that passed through the server, whatever happened to the request', async () => {
    const secrets: string[] = [PASSWORD, ADMIN_PASSWORD];
    const requestIds: string[] = [];
    const track = (r: HttpResult) => {
      requestIds.push(String(r.headers['x-request-id']));
      return r;
    };
    const anonymous = () => new TestClient(server.url, server.publicUrl);

    // Sessions.
    const a = await ownerWithOrg(server);
    const owner = a.owner.client;
    secrets.push(...[a.admin.cookie, owner.cookie].map((c) => (c ?? '=missing').split('=')[1] ?? 'missing'));

    // Wrong passwords, for a real and an unknown account; a locked account.
    const wrong = canary('wrong-password');
    const failed = track(await anonymous().signIn(a.owner.email, wrong));
    expect(failed.status).toBe(401);
    const unknownPassword = canary('unknown-account-password');
    track(await anonymous().signIn(`${unique('ghost')}@example.com`, unknownPassword));
    secrets.push(wrong, unknownPassword);
    const locker = anonymous();
    const lockedPasswords = Array.from({ length: 6 }, () => canary('lockout'));
    for (const p of lockedPasswords) track(await locker.signIn(a.owner.email, p));
    secrets.push(...lockedPasswords);
    expect((await locker.signIn(a.owner.email, PASSWORD)).status).toBe(429);

    // Environment tokens: used, used for an ID token, revoked, used again; a forged one.
    const project = await createProject(owner, a.org.id);
    const env = await createEnvironment(owner, a.org.id, project.id);
    const token = await createToken(owner, a.org.id, env.id);
    secrets.push(token.token, sha256(token.token));
    const minted = expectStatus(track(await anonymous().post('/api/v1/idp/token', {}, bearer(token.token))), 200).json.token as string;
    secrets.push(minted);
    track(await anonymous().post('/api/v1/trust-policy/lint', { policy: { Version: '2012-10-17', Statement: [] } }, bearer(token.token)));
    track(await anonymous().post('/api/v1/tokens/inspect', { token: minted, orgId: a.org.id }, { headers: {}, cookie: owner.cookie }));
    track(await anonymous().post('/api/v1/tokens/inspect', { token: minted }, bearer(token.token)));
    track(await anonymous().post('/api/v1/trust-policy/evaluate', { policy: { Version: '2012-10-17', Statement: [] }, token: minted }, { cookie: owner.cookie }));
    expectStatus(await owner.delete(`/api/v1/orgs/${a.org.id}/environments/${env.id}/tokens/${token.id}`), 204);
    expect(track(await anonymous().post('/api/v1/idp/token', {}, bearer(token.token))).status).toBe(401);
    const forged = `tbe_${randomBytes(32).toString('base64url')}`;
    secrets.push(forged);
    track(await anonymous().post('/api/v1/idp/token', {}, bearer(forged)));
    track(await anonymous().post('/api/v1/trust-policy/lint', { policy: {} }, bearer(forged)));
    const basic = canary('basic-auth');
    secrets.push(basic);
    track(await anonymous().get('/api/v1/me', { headers: { Authorization: `Basic ${Buffer.from(`x:${basic}`).toString('base64')}` } }));
    track(await anonymous().get('/api/v1/me', { headers: { Authorization: `Basic x:${basic}` } }));

    // Invitation links: previewed, accepted, reused; revoked; made up.
    const invite = expectStatus(await owner.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('log')}@example.com`, role: 'member' }), 201).json;
    const inviteToken = String(invite.inviteUrl).split('#')[1] ?? 'missing';
    const newPassword = canary('new-user-password');
    secrets.push(inviteToken, sha256(inviteToken), newPassword);
    track(await anonymous().post('/api/v1/invitations/preview', { token: inviteToken }));
    const accepted = expectStatus(track(await anonymous().post('/api/v1/invitations/accept', { token: inviteToken, name: 'Log Test', password: newPassword })), 201);
    secrets.push(String(accepted.headers['set-cookie']).split(';')[0]?.split('=')[1] ?? 'missing');
    track(await anonymous().post('/api/v1/invitations/accept', { token: inviteToken, name: 'Again', password: newPassword }));
    const revoked = expectStatus(await owner.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('rev')}@example.com`, role: 'member' }), 201).json;
    const revokedToken = String(revoked.inviteUrl).split('#')[1] ?? 'missing';
    secrets.push(revokedToken);
    expectStatus(await owner.delete(`/api/v1/orgs/${a.org.id}/invitations/${revoked.invitation.id}`), 204);
    track(await anonymous().post('/api/v1/invitations/accept', { token: revokedToken, name: 'Late', password: canary('late') }));
    const madeUp = `tbi_${randomBytes(32).toString('base64url')}`;
    secrets.push(madeUp);
    track(await anonymous().post('/api/v1/invitations/preview', { token: madeUp }));

    // First-run setup on a server that is already set up, with a code-shaped secret.
    const setupCode = 'K7QZ-M3XD-9WRT';
    const setupPassword = canary('setup-password');
    secrets.push(setupCode, setupPassword);
    expect(track(await anonymous().post('/api/v1/setup', { code: setupCode, name: 'x', email: 'x@example.com', password: setupPassword })).status).toBe(409);

    // Malformed and oversized requests that carry secrets.
    const inBrokenJson = canary('broken-json');
    const inFormBody = canary('form-body');
    const inHugeBody = canary('huge-body');
    const inCookie = canary('cookie');
    secrets.push(inBrokenJson, inFormBody, inHugeBody, inCookie);
    track(await owner.request('POST', '/api/v1/auth/login', { rawBody: `{"email":"a@example.com","password":"${inBrokenJson}"`, contentType: 'application/json' }));
    track(await owner.request('POST', '/api/v1/auth/login', { rawBody: `email=a%40example.com&password=${inFormBody}`, contentType: 'application/x-www-form-urlencoded' }));
    track(await owner.request('POST', '/api/v1/auth/login', { rawBody: JSON.stringify({ email: 'a@example.com', password: inHugeBody.padEnd(20_000, 'x') }) }));
    track(await anonymous().get('/api/v1/me', { cookie: `__Host-tb_session=${inCookie}; other=${inCookie}` }));
    track(await owner.post(`/api/v1/orgs/${a.org.id}/projects`, { name: 'x', slug: 'x', password: canary('extra-field') }));

    // Sign-out.
    track(await owner.post('/api/v1/auth/logout'));

    await new Promise((r) => setTimeout(r, 500));
    const log = readFileSync(server.logFile, 'utf8');
    // The log did record this test's traffic (the failed sign-in is logged with its request id)…
    expect(log).toContain(String(failed.headers['x-request-id']));
    expect(requestIds.length).toBeGreaterThan(20);
    // …and none of its secrets.
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
    expect(log).not.toMatch(/tbe_[A-Za-z0-9_-]{43}|tbi_[A-Za-z0-9_-]{43}|\$argon2/);
  }, 60_000);
});
