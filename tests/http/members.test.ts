import { describe, expect, inject, it } from 'vitest';
import { expectStatus, ownerWithOrg, PASSWORD, unique, userWithRole } from '../support/fixtures';
import { TestClient } from '../support/http-client';

const server = inject('server');

describe('members and invitations', () => {
  it('adds an existing account at once and invites anyone else through a one-time link', async () => {
    const a = await ownerWithOrg(server);
    const b = await ownerWithOrg(server);
    const added = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: b.owner.email, role: 'member' }), 201).json;
    expect(added).toMatchObject({ status: 'added', member: { email: b.owner.email, role: 'member' } });
    expect((await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: b.owner.email, role: 'admin' })).json.error.code).toBe('already_exists');

    const email = `${unique('new')}@example.com`;
    const invited = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'admin' }), 201).json;
    expect(invited.status).toBe('invited');
    expect(invited.inviteUrl).toMatch(/^https:\/\/trustbridge\.test\/invite#tbi_[A-Za-z0-9_-]{43}$/);
    const token = String(invited.inviteUrl).split('#')[1];
    const guest = new TestClient(server.url, server.publicUrl);
    expect(expectStatus(await guest.post('/api/v1/invitations/preview', { token }), 200).json).toMatchObject({ email, role: 'admin', organizationName: expect.any(String) });
    const accepted = expectStatus(await guest.post('/api/v1/invitations/accept', { token, name: 'New Admin', password: PASSWORD }), 201);
    guest.absorbCookies(accepted);
    expect(expectStatus(await guest.get('/api/v1/me'), 200).json.organizations).toEqual([expect.objectContaining({ id: a.org.id, role: 'admin' })]);
    const reused = await new TestClient(server.url, server.publicUrl).post('/api/v1/invitations/accept', { token, name: 'Again', password: PASSWORD });
    expect(reused.status).toBe(404);
    expect(reused.json.error.code).toBe('invalid_invitation');
  });

  it('a revoked invitation and a re-invitation: only the newest link works', async () => {
    const a = await ownerWithOrg(server);
    const email = `${unique('re')}@example.com`;
    const first = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'member' }), 201).json;
    const second = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email, role: 'member' }), 201).json;
    const tokenOf = (r: { inviteUrl: string }) => r.inviteUrl.split('#')[1];
    expect((await new TestClient(server.url, server.publicUrl).post('/api/v1/invitations/preview', { token: tokenOf(first) })).status).toBe(404);
    expectStatus(await a.owner.client.delete(`/api/v1/orgs/${a.org.id}/invitations/${second.invitation.id}`), 204);
    expect((await new TestClient(server.url, server.publicUrl).post('/api/v1/invitations/preview', { token: tokenOf(second) })).status).toBe(404);
  });

  it('admins cannot make or unmake owners; the last owner can neither be demoted nor leave', async () => {
    const a = await ownerWithOrg(server);
    const admin = await userWithRole(a.owner.client, server, a.org.id, 'admin');
    const member = await userWithRole(a.owner.client, server, a.org.id, 'member');
    const grant = await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${member.userId}`, { role: 'owner', version: 1 });
    expect(grant.status).toBe(403);
    expect((await admin.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('o')}@example.com`, role: 'owner' })).status).toBe(403);
    expect((await admin.client.delete(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`)).status).toBe(403);
    expect((await admin.client.patch(`/api/v1/orgs/${a.org.id}/members/${member.userId}`, { role: 'admin', version: 1 })).status).toBe(200);

    // The instance admin who created the organization is its other owner: once it leaves, one owner remains.
    const adminOfInstance = a.admin;
    const me = expectStatus(await adminOfInstance.get('/api/v1/me'), 200).json.user.id as string;
    expectStatus(await adminOfInstance.delete(`/api/v1/orgs/${a.org.id}/members/${me}`), 204);
    const demote = await a.owner.client.patch(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`, { role: 'member', version: 1 });
    expect(demote.status).toBe(409);
    expect(demote.json.error.code).toBe('last_owner');
    const leave = await a.owner.client.delete(`/api/v1/orgs/${a.org.id}/members/${a.owner.userId}`);
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe('last_owner');
    expect((await member.client.delete(`/api/v1/orgs/${a.org.id}/members/${member.userId}`)).status).toBe(204);
    expect((await member.client.get(`/api/v1/orgs/${a.org.id}`)).status).toBe(404);
  });
});
