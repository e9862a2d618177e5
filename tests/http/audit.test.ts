import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg, PASSWORD, unique, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';

const server = inject('server');

interface AuditItem {
  id: string;
  action: string;
  actor: { type: string; label: string };
  target: { type: string; id: string | null; label: string | null };
  before: unknown;
  after: unknown;
  requestId: string | null;
}

describe('audit log', () => {
  let owner: TestClient;
  let orgId: string;
  const secrets: string[] = [PASSWORD];

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    owner = a.owner.client;
    orgId = a.org.id;
    const project = await createProject(owner, orgId);
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/projects/${project.id}`, { name: 'Renamed', version: 1 }), 200);
    const env = await createEnvironment(owner, orgId, project.id);
    const token = await createToken(owner, orgId, env.id);
    secrets.push(token.token);
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens/${token.id}`), 204);
    const invite = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/members`, { email: `${unique('a')}@example.com`, role: 'member' }), 201).json;
    secrets.push(String(invite.inviteUrl).split('#')[1] ?? 'missing');
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/invitations/${invite.invitation.id}`), 204);
    const member = await userWithRole(owner, server, orgId, 'member');
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/members/${member.userId}`, { role: 'admin', version: 1 }), 200);
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/members/${member.userId}`), 204);
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/projects/${project.id}`), 204);
    const issuer = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer`), 200).json;
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/issuer`, { tokenLifetimeSeconds: 300, version: issuer.version }), 200);
  }, 60_000);

  async function all(query = ''): Promise<AuditItem[]> {
    const items: AuditItem[] = [];
    let cursor = '';
    for (;;) {
      const page = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`), 200).json;
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
  }

  it('records one event per change, newest first, with actor, target and before/after', async () => {
    const events = await all();
    const actions = events.map((e) => e.action);
    for (const action of [
      'organization.create',
      'project.create',
      'project.update',
      'environment.create',
      'environment_token.create',
      'environment_token.revoke',
      'member.invite',
      'member.invite_revoke',
      'member.invite_accept',
      'member.role_change',
      'member.remove',
      'project.delete',
      'issuer.update',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(actions.filter((a) => a === 'project.update')).toHaveLength(1);
    expect([...events].map((e) => e.id)).toEqual([...events].map((e) => e.id).sort().reverse());
    const rename = events.find((e) => e.action === 'project.update');
    expect(rename?.before).toMatchObject({ version: 1 });
    expect(rename?.after).toMatchObject({ name: 'Renamed', version: 2 });
    expect(rename?.requestId).toMatch(/^[0-9a-f]{20}$/);
  });

  it('cursor pagination returns every event exactly once', async () => {
    const paged = await all();
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    expect(paged.length).toBeGreaterThan(10);
  });

  it('filters by action prefix and actor', async () => {
    const tokens = await all('&action=environment_token.');
    expect(tokens.map((e) => e.action).sort()).toEqual(['environment_token.create', 'environment_token.revoke']);
    expect(await all('&actor=nobody-like-this')).toEqual([]);
  });

  it('no secret — password, environment token, invitation token — ever appears in the log or its exports', async () => {
    const api = JSON.stringify(await all());
    const csv = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200).text;
    const ndjson = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit/export?format=ndjson`), 200).text;
    for (const secret of secrets) {
      expect(api).not.toContain(secret);
      expect(csv).not.toContain(secret);
      expect(ndjson).not.toContain(secret);
    }
    expect(api).not.toMatch(/tokenHash|passwordHash|\$argon2/);
  });

  it('exports every matching row as CSV and NDJSON', async () => {
    const events = await all();
    const ndjson = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit/export?format=ndjson`), 200);
    expect(ndjson.headers['content-disposition']).toMatch(/attachment; filename="trustbridge-audit-.*\.ndjson"/);
    expect(ndjson.text.trim().split('\n')).toHaveLength(events.length);
    const csv = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200).text.trim().split('\n');
    expect(csv[0]).toBe('id,createdAt,action,actorType,actor,targetType,targetId,target,before,after,requestId,ipAddress');
    expect(csv.length - 1).toBeGreaterThanOrEqual(events.length);
    expect(csv.slice(1).every((line) => line.startsWith('"'))).toBe(true);
  });

});

describe('the server log', () => {
  it('never contains a password, an environment token, an invitation token or a session cookie created in this run', async () => {
    const a = await ownerWithOrg(server);
    const project = await createProject(a.owner.client, a.org.id);
    const env = await createEnvironment(a.owner.client, a.org.id, project.id);
    const token = await createToken(a.owner.client, a.org.id, env.id);
    await a.owner.client.post('/api/v1/idp/token', undefined, { headers: { Authorization: `Bearer ${token.token}` }, origin: null, cookie: null });
    await a.owner.client.post('/api/v1/auth/login', { email: 'admin@trustbridge.test', password: 'wrong-password-canary-123' });
    await a.owner.client.request('POST', `/api/v1/orgs/${a.org.id}/projects`, { rawBody: '{broken', contentType: 'application/json' });
    const invite = expectStatus(await a.owner.client.post(`/api/v1/orgs/${a.org.id}/members`, { email: `${unique('log')}@example.com`, role: 'member' }), 201).json;
    const log = readFileSync(server.logFile, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'admin-password-for-tests-only', 'wrong-password-canary-123', token.token, String(invite.inviteUrl).split('#')[1], (a.owner.client.cookie ?? 'x=none').split('=')[1]]) {
      expect(log).not.toContain(secret);
    }
  });
});
