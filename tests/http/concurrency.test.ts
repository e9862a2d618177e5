import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, signedInAdmin, userWithRole } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';

// Concurrent edits of one row are detected, never silently lost, and audited exactly once — on
// SQLite and on PostgreSQL (TEST_DB=postgresql).
const server = inject('server');
const PARALLEL = 12;

interface Target {
  what: string;
  orgId: string;
  path: string;
  auditAction: string;
  targetId: string;
  body: (i: number, version: number) => Record<string, unknown>;
  /** The field the winning request changed, to check the stored value is the winner's. */
  field: string;
}

describe('concurrent edits', () => {
  let admin: TestClient;
  let orgId: string;

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
  });

  async function auditFor(action: string, targetId: string, org = orgId): Promise<{ before: Record<string, unknown>; after: Record<string, unknown>; requestId: string }[]> {
    return expectStatus(await admin.get(`/api/v1/orgs/${org}/audit?action=${action}&targetId=${targetId}&limit=200`), 200).json.items;
  }

  async function targets(): Promise<Target[]> {
    const org = await createOrg(admin);
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const member = await userWithRole(admin, server, orgId, 'member');
    return [
      { what: 'project', orgId, path: `/api/v1/orgs/${orgId}/projects/${project.id}`, auditAction: 'project.update', targetId: project.id, body: (i, version) => ({ name: `Project ${i}`, version }), field: 'name' },
      { what: 'environment', orgId, path: `/api/v1/orgs/${orgId}/environments/${env.id}`, auditAction: 'environment.update', targetId: env.id, body: (i, version) => ({ name: `Env ${i}`, stage: i % 2 ? 'staging' : 'production', version }), field: 'name' },
      { what: 'organization', orgId: org.id, path: `/api/v1/orgs/${org.id}`, auditAction: 'organization.update', targetId: org.id, body: (i, version) => ({ name: `Org ${i}`, version }), field: 'name' },
      { what: 'membership', orgId, path: `/api/v1/orgs/${orgId}/members/${member.userId}`, auditAction: 'member.role_change', targetId: member.userId, body: (i, version) => ({ role: i % 2 ? 'admin' : 'owner', version }), field: 'role' },
    ];
  }

  async function current(t: Target): Promise<Record<string, unknown>> {
    if (t.what !== 'membership') return expectStatus(await admin.get(t.path), 200).json;
    const members = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/members?limit=200`), 200).json.items as { userId: string }[];
    const found = members.find((m) => m.userId === t.targetId);
    if (!found) throw new Error('member not found');
    return found;
  }

  it(`the same version sent ${PARALLEL} times at once to a project, an environment, an organization and a membership: one 200, the rest 409 version_conflict, version +1, one audit row`, async () => {
    for (const t of await targets()) {
      const initial = Number((await current(t)).version);
      const results: HttpResult[] = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => admin.patch(t.path, t.body(i, initial))));
      const ok = results.filter((r) => r.status === 200);
      const conflicts = results.filter((r) => r.status === 409);
      expect(results.filter((r) => r.status !== 200 && r.status !== 409).map((r) => `${t.what}: ${r.status} ${r.text}`)).toEqual([]);
      expect(ok, t.what).toHaveLength(1);
      expect(conflicts, t.what).toHaveLength(PARALLEL - 1);
      for (const c of conflicts) expect(c.json.error.code).toBe('version_conflict');
      const winner = ok[0] as HttpResult;
      const after = await current(t);
      expect(after.version, t.what).toBe(initial + 1);
      expect(after[t.field], t.what).toBe(winner.json[t.field]);
      // Exactly one audit row, written by the winning request.
      const audit = await auditFor(t.auditAction, t.targetId, t.orgId);
      expect(audit, t.what).toHaveLength(1);
      const [row] = audit as [(typeof audit)[number]];
      expect(row.requestId).toBe(winner.headers['x-request-id']);
      expect(row.after[t.field]).toBe(winner.json[t.field]);
    }
  });

  it('a stale version → 409 version_conflict with the current version, and nothing changes', async () => {
    for (const t of await targets()) {
      const initial = Number((await current(t)).version);
      expectStatus(await admin.patch(t.path, t.body(1, initial)), 200);
      const before = await current(t);
      const stale = await admin.patch(t.path, t.body(2, initial));
      expect(stale.status, t.what).toBe(409);
      expect(stale.json.error).toMatchObject({ code: 'version_conflict', currentVersion: initial + 1 });
      const future = await admin.patch(t.path, t.body(2, initial + 5));
      expect(future.status, t.what).toBe(409);
      expect(future.json.error.code).toBe('version_conflict');
      expect(await current(t), t.what).toEqual(before);
      const audit = await auditFor(t.auditAction, t.targetId, t.orgId);
      expect(audit, t.what).toHaveLength(1);
    }
  });

  it('sequential edits with fresh versions all apply, in order', async () => {
    const project = await createProject(admin, orgId);
    const path = `/api/v1/orgs/${orgId}/projects/${project.id}`;
    for (let v = 1; v <= 5; v++) expectStatus(await admin.patch(path, { name: `Step ${v}`, version: v }), 200);
    expect(expectStatus(await admin.get(path), 200).json).toMatchObject({ version: 6, name: 'Step 5' });
    expect(await auditFor('project.update', project.id)).toHaveLength(5);
  });

  it('parallel token creation loses no row: every token is listed, distinct, and audited once', async () => {
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const created = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => createToken(admin, orgId, env.id, `t${i}`)));
    expect(new Set(created.map((t) => t.id)).size).toBe(PARALLEL);
    expect(new Set(created.map((t) => t.token)).size).toBe(PARALLEL);
    const list = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens`), 200).json.items as { id: string; status: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(created.map((t) => t.id).sort());
    expect(list.every((t) => t.status === 'active')).toBe(true);
    for (const t of created) expect(await auditFor('environment_token.create', t.id)).toHaveLength(1);
    expect(expectStatus(await admin.get(`/api/v1/orgs/${orgId}/environments/${env.id}`), 200).json.activeTokenCount).toBe(PARALLEL);
  });

  it('parallel revocations (also of the same token) and creations at once: all rows kept, each revocation audited once', async () => {
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const existing = await Promise.all(Array.from({ length: 6 }, (_, i) => createToken(admin, orgId, env.id, `old${i}`)));
    const revoke = (id: string) => admin.delete(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens/${id}`);
    const [revocations, creations] = await Promise.all([
      Promise.all([...existing.slice(0, 4).map((t) => revoke(t.id)), ...existing.slice(0, 4).map((t) => revoke(t.id)), revoke(existing[0]?.id ?? '')]),
      Promise.all(Array.from({ length: 6 }, (_, i) => admin.post(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens`, { name: `new${i}` }))),
    ]);
    expect(revocations.map((r) => r.status)).toEqual(Array(9).fill(204));
    expect(creations.map((r) => r.status)).toEqual(Array(6).fill(201));
    const list = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens`), 200).json.items as { id: string; status: string }[];
    expect(list).toHaveLength(12);
    const revokedIds = existing.slice(0, 4).map((t) => t.id);
    expect(list.filter((t) => t.status === 'revoked').map((t) => t.id).sort()).toEqual([...revokedIds].sort());
    for (const id of revokedIds) expect(await auditFor('environment_token.revoke', id)).toHaveLength(1);
    // The revoked tokens stop working; the others work.
    const use = (token: string) => admin.post('/api/v1/idp/token', {}, { origin: null, cookie: null, headers: { Authorization: `Bearer ${token}` } });
    expect((await use(existing[0]?.token ?? '')).status).toBe(401);
    expect((await use(existing[5]?.token ?? '')).status).toBe(200);
  });
});
