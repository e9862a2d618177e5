import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../lib/server/db/client';
import { createOrg, expectStatus, ownerWithOrg, PASSWORD, signedInAdmin, unique, userWithRole } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { openDatabase, sharedServerDatabase } from '../support/isolated-server';

// Members and invitations: adding accounts, one-time invitation links, the owner rules, and the
// organization that always keeps an owner — also under concurrent changes.
const server = inject('server');
const guest = () => new TestClient(server.url, server.publicUrl);
const tokenOf = (r: HttpResult) => String(r.json.inviteUrl).split('#')[1] ?? '';

async function roles(client: TestClient, orgId: string): Promise<Record<string, string>> {
  const items = expectStatus(await client.get(`/api/v1/orgs/${orgId}/members?limit=200`), 200).json.items as { userId: string; role: string }[];
  return Object.fromEntries(items.map((m) => [m.userId, m.role]));
}

async function invitationStatus(client: TestClient, orgId: string, id: string): Promise<string | undefined> {
  const items = expectStatus(await client.get(`/api/v1/orgs/${orgId}/invitations`), 200).json.items as { id: string; status: string }[];
  return items.find((i) => i.id === id)?.status;
}

function expectInvalidInvitation(r: HttpResult): void {
  expect(r.status).toBe(404);
  expect(r.json.error.code).toBe('invalid_invitation');
  expect(r.headers['set-cookie']).toBeUndefined();
}

describe('adding and inviting', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(sharedServerDatabase());
  });
  afterAll(() => db?.$disconnect());

  it('adds an existing account at once; adding it again → 409 already_exists', async () => {
    const a = await ownerWithOrg(server);
    const b = await ownerWithOrg(server);
    const added = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: b.owner.email.toUpperCase(), role: 'member' }), 201).json;
    expect(added).toMatchObject({ status: 'added', member: { userId: b.owner.userId, email: b.owner.email, role: 'member', version: 1 } });
    expect((await roles(a.owner.client, a.org.id))[b.owner.userId]).toBe('member');
    expect(expectStatus(await b.owner.client.get(`/api/v1/orgs/${a.org.id}`), 200).json.role).toBe('member');
    const again = await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: b.owner.email, role: 'admin' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('already_exists');
    expect(again.json.error.issues).toEqual([{ path: 'email', message: `${b.owner.email} is already a member of this organization.` }]);
  });

  it('invites anyone else through a link that works exactly once', async () => {
    const a = await ownerWithOrg(server);
    const email = `${unique('new')}@example.com`;
    const invited = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'admin' }), 201);
    expect(invited.json).toMatchObject({ status: 'invited', invitation: { email, role: 'admin', status: 'pending' } });
    expect(invited.json.inviteUrl).toMatch(/^https:\/\/trustbridge\.test\/invite#tbi_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invited);

    expect(expectStatus(await guest().post('/api/v1/invitations/preview', { token }), 200).json).toMatchObject({ email, role: 'admin', organizationName: `Org ${a.org.slug}` });
    const newcomer = guest();
    const accepted = expectStatus(await newcomer.post('/api/v1/invitations/accept', { token, name: 'New Admin', password: PASSWORD }), 201);
    expect(accepted.json).toEqual({ status: 'ok', orgId: a.org.id });
    newcomer.absorbCookies(accepted);
    expect(expectStatus(await newcomer.get('/api/v1/me'), 200).json.organizations).toEqual([expect.objectContaining({ id: a.org.id, role: 'admin' })]);
    expect(await invitationStatus(a.owner.client, a.org.id, invited.json.invitation.id)).toBe('accepted');

    expectInvalidInvitation(await guest().post('/api/v1/invitations/accept', { token, name: 'Again', password: PASSWORD }));
    expectInvalidInvitation(await guest().post('/api/v1/invitations/preview', { token }));
    // The new account signs in with the password it chose.
    expect((await guest().signIn(email, PASSWORD)).status).toBe(200);
  });

  it('of two concurrent acceptances of one link exactly one succeeds', async () => {
    const a = await ownerWithOrg(server);
    const invited = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('race')}@example.com`, role: 'member' }), 201);
    const results = await Promise.all(Array.from({ length: 4 }, () => guest().post('/api/v1/invitations/accept', { token: tokenOf(invited), name: 'Racer', password: PASSWORD })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect([r.status, r.json.error.code]).toEqual([404, 'invalid_invitation']);
    expect(Object.keys(await roles(a.owner.client, a.org.id))).toHaveLength(3);
  });

  it('a revoked link fails with 404 invalid_invitation; inviting again replaces the older link', async () => {
    const a = await ownerWithOrg(server);
    const email = `${unique('re')}@example.com`;
    const first = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'member' }), 201);
    const second = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'member' }), 201);
    expectInvalidInvitation(await guest().post('/api/v1/invitations/preview', { token: tokenOf(first) }));
    expectInvalidInvitation(await guest().post('/api/v1/invitations/accept', { token: tokenOf(first), name: 'x', password: PASSWORD }));
    expect(await invitationStatus(a.owner.client, a.org.id, first.json.invitation.id)).toBe('revoked');
    expectStatus(await guest().post('/api/v1/invitations/preview', { token: tokenOf(second) }), 200);

    expectStatus(await a.owner.client.delete(`/api/v1/orgs/${a.org.id}/invitations/${second.json.invitation.id}`), 204);
    expect(await invitationStatus(a.owner.client, a.org.id, second.json.invitation.id)).toBe('revoked');
    expectInvalidInvitation(await guest().post('/api/v1/invitations/preview', { token: tokenOf(second) }));
    expectInvalidInvitation(await guest().post('/api/v1/invitations/accept', { token: tokenOf(second), name: 'x', password: PASSWORD }));
    expect(Object.keys(await roles(a.owner.client, a.org.id))).toHaveLength(2);
  });

  it('an expired link fails with 404 invalid_invitation', async () => {
    const a = await ownerWithOrg(server);
    const invited = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('old')}@example.com`, role: 'member' }), 201);
    expectStatus(await guest().post('/api/v1/invitations/preview', { token: tokenOf(invited) }), 200);
    // Links live 7 days; age this one past its expiry.
    const aged = await db.invitation.updateMany({ where: { id: invited.json.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(aged.count).toBe(1);
    expectInvalidInvitation(await guest().post('/api/v1/invitations/preview', { token: tokenOf(invited) }));
    expectInvalidInvitation(await guest().post('/api/v1/invitations/accept', { token: tokenOf(invited), name: 'Late', password: PASSWORD }));
    expect(await invitationStatus(a.owner.client, a.org.id, invited.json.invitation.id)).toBe('expired');
  });

  it('a made-up link fails like a used one', async () => {
    expectInvalidInvitation(await guest().post('/api/v1/invitations/preview', { token: `tbi_${'A'.repeat(43)}` }));
    expectInvalidInvitation(await guest().post('/api/v1/invitations/accept', { token: `tbi_${'A'.repeat(43)}`, name: 'x', password: PASSWORD }));
  });
});

describe('roles', () => {
  it('admins cannot grant, take away or remove the owner role (403 forbidden); they manage members and admins', async () => {
    const a = await ownerWithOrg(server);
    const admin = await userWithRole(a.owner.client, server, a.org.id, 'admin');
    const member = await userWithRole(a.owner.client, server, a.org.id, 'member');
    const other = await userWithRole(a.owner.client, server, a.org.id, 'member');
    const forbidden = [
      await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${member.userId}`, { role: 'owner', version: 1 }),
      await admin.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('o')}@example.com`, role: 'owner' }),
      await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`, { role: 'admin', version: 1 }),
      await admin.client.delete(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`),
      await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${admin.userId}`, { role: 'owner', version: 1 }),
    ];
    for (const r of forbidden) expect([r.status, r.json.error.code]).toEqual([403, 'forbidden']);
    expect(await roles(a.owner.client, a.org.id)).toMatchObject({ [a.owner.userId]: 'owner', [member.userId]: 'member', [admin.userId]: 'admin' });

    expect(expectStatus(await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${member.userId}`, { role: 'admin', version: 1 }), 200).json).toMatchObject({ role: 'admin', version: 2 });
    expectStatus(await admin.client.delete(`/api/v1/orgs/${a.org.id}/members/${member.userId}`), 204);
    expectStatus(await admin.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('m')}@example.com`, role: 'admin' }), 201);

    // Members manage nobody.
    for (const r of [
      await other.client.patch(`/api/v1/orgs/${a.org.id}/members/${admin.userId}`, { role: 'member', version: 1 }),
      await other.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('m')}@example.com`, role: 'member' }),
      await other.client.delete(`/api/v1/orgs/${a.org.id}/members/${admin.userId}`),
    ]) {
      expect([r.status, r.json.error.code]).toEqual([403, 'forbidden']);
    }
    // Owners do it all.
    expectStatus(await a.owner.client.patch(`/api/v1/orgs/${a.org.id}/members/${admin.userId}`, { role: 'owner', version: 1 }), 200);
  });

  it('the last owner can neither be demoted nor removed nor leave (409 last_owner); with a second owner it can', async () => {
    const a = await ownerWithOrg(server);
    // The instance admin who created the organization is its other owner: once it leaves, one owner remains.
    const me = expectStatus(await a.admin.get('/api/v1/me'), 200).json.user.id as string;
    expectStatus(await a.admin.delete(`/api/v1/orgs/${a.org.id}/members/${me}`), 204);
    for (const r of [
      await a.owner.client.patch(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`, { role: 'admin', version: 1 }),
      await a.owner.client.delete(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`),
    ]) {
      expect([r.status, r.json.error.code]).toEqual([409, 'last_owner']);
    }
    expect(await roles(a.owner.client, a.org.id)).toEqual({ [a.owner.userId]: 'owner' });

    const second = await userWithRole(a.owner.client, server, a.org.id, 'owner');
    expectStatus(await a.owner.client.patch(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`, { role: 'admin', version: 1 }), 200);
    const demoteLast = await a.owner.client.patch(`/api/v1/orgs/${a.org.id}/members/${second.userId}`, { role: 'member', version: 1 });
    expect([demoteLast.status, demoteLast.json.error.code]).toEqual([403, 'forbidden']);
    const leaveLast = await second.client.delete(`/api/v1/orgs/${a.org.id}/members/${second.userId}`);
    expect([leaveLast.status, leaveLast.json.error.code]).toEqual([409, 'last_owner']);
  });

  it.each(['demote', 'remove'] as const)('two owners who %s each other at the same moment: one succeeds, the other fails, one owner remains', async (how) => {
    for (let round = 0; round < 3; round++) {
      const admin = await signedInAdmin(server);
      const org = await createOrg(admin);
      const a = await userWithRole(admin, server, org.id, 'owner');
      const b = await userWithRole(admin, server, org.id, 'owner');
      const adminId = expectStatus(await admin.get('/api/v1/me'), 200).json.user.id as string;
      expectStatus(await admin.delete(`/api/v1/orgs/${org.id}/members/${adminId}`), 204);
      const act = (actor: TestClient, target: string) =>
        how === 'demote' ? actor.patch(`/api/v1/orgs/${org.id}/members/${target}`, { role: 'member', version: 1 }) : actor.delete(`/api/v1/orgs/${org.id}/members/${target}`);
      const [ra, rb] = await Promise.all([act(a.client, b.userId), act(b.client, a.userId)]);
      const ok = how === 'demote' ? 200 : 204;
      const results = [ra, rb];
      expect(results.filter((r) => r.status === ok)).toHaveLength(1);
      const failed = results.find((r) => r.status !== ok);
      // The loser acted on an organization in which it was no longer an owner (or no longer a member at all).
      expect(['409 last_owner', '403 forbidden', '404 not_found']).toContain(`${failed?.status} ${failed?.json?.error?.code}`);
      const winner = ra.status === ok ? a : b;
      const remaining = await roles(winner.client, org.id);
      expect(Object.values(remaining).filter((r) => r === 'owner')).toHaveLength(1);
      expect(remaining[winner.userId]).toBe('owner');
    }
  }, 60_000);

  it('two last owners leaving at once: one leaves, the other stays as the last owner', async () => {
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    const a = await userWithRole(admin, server, org.id, 'owner');
    const adminId = expectStatus(await admin.get('/api/v1/me'), 200).json.user.id as string;
    const [ra, rb] = await Promise.all([a.client.delete(`/api/v1/orgs/${org.id}/members/${a.userId}`), admin.delete(`/api/v1/orgs/${org.id}/members/${adminId}`)]);
    expect([ra.status, rb.status].sort()).toEqual([204, 409]);
    expect([ra, rb].find((r) => r.status === 409)?.json.error.code).toBe('last_owner');
    const stayer = ra.status === 409 ? a.client : admin;
    expect(Object.values(await roles(stayer, org.id))).toEqual(['owner']);
  });
});

describe('leaving', () => {
  it('a member and an admin may leave; afterwards the organization is gone for them', async () => {
    const a = await ownerWithOrg(server);
    for (const role of ['member', 'admin'] as const) {
      const user = await userWithRole(a.owner.client, server, a.org.id, role);
      expectStatus(await user.client.delete(`/api/v1/orgs/${a.org.id}/members/${user.userId}`), 204);
      const after = await user.client.get(`/api/v1/orgs/${a.org.id}`);
      expect([after.status, after.json.error.code]).toEqual([404, 'not_found']);
      expect(expectStatus(await user.client.get('/api/v1/me'), 200).json.organizations).toEqual([]);
      expect((await roles(a.owner.client, a.org.id))[user.userId]).toBeUndefined();
    }
  });

  it('an owner may leave while another owner remains', async () => {
    const a = await ownerWithOrg(server);
    expectStatus(await a.owner.client.delete(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`), 204);
    expect((await a.owner.client.get(`/api/v1/orgs/${a.org.id}`)).status).toBe(404);
    expect(Object.values(await roles(a.admin, a.org.id))).toEqual(['owner']);
  });
});
