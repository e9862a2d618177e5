import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, signedInAdmin, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';

// Concurrent edits of the same row are detected, never silently lost (both databases).
const server = inject('server');
const PARALLEL = 12;

describe('concurrent edits', () => {
  let admin: TestClient;
  let orgId: string;
  beforeAll(async () => {
    admin = await signedInAdmin(server);
    orgId = (await createOrg(admin)).id;
  });

  async function race(path: string, body: (i: number) => Record<string, unknown>) {
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => admin.patch(path, body(i))));
    return { ok: results.filter((r) => r.status === 200), conflicts: results.filter((r) => r.status === 409), other: results.filter((r) => r.status !== 200 && r.status !== 409) };
  }

  async function auditCount(action: string, targetId: string): Promise<number> {
    const page = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit?action=${action}&targetId=${targetId}&limit=200`), 200).json;
    return (page.items as unknown[]).length;
  }

  it('the same version sent in parallel: exactly one update wins, the rest get 409 version_conflict', async () => {
    const project = await createProject(admin, orgId);
    const path = `/api/v1/orgs/${orgId}/projects/${project.id}`;
    const { ok, conflicts, other } = await race(path, (i) => ({ name: `Name ${i}`, version: 1 }));
    expect(other.map((r) => r.text)).toEqual([]);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(PARALLEL - 1);
    for (const c of conflicts) expect(c.json.error.code).toBe('version_conflict');
    const after = expectStatus(await admin.get(path), 200).json;
    expect(after).toMatchObject({ version: 2, name: ok[0]?.json.name });
    expect(await auditCount('project.update', project.id)).toBe(1);
  });

  it('environments and the organization itself behave the same', async () => {
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const envRace = await race(`/api/v1/orgs/${orgId}/environments/${env.id}`, (i) => ({ name: `E${i}`, stage: 'staging', version: 1 }));
    expect([envRace.ok.length, envRace.conflicts.length, envRace.other.length]).toEqual([1, PARALLEL - 1, 0]);
    const orgRace = await race(`/api/v1/orgs/${orgId}`, (i) => ({ name: `Org ${i}`, version: 1 }));
    expect([orgRace.ok.length, orgRace.conflicts.length, orgRace.other.length]).toEqual([1, PARALLEL - 1, 0]);
  });

  it('sequential edits with fresh versions all apply, in order', async () => {
    const project = await createProject(admin, orgId);
    const path = `/api/v1/orgs/${orgId}/projects/${project.id}`;
    for (let v = 1; v <= 5; v++) expectStatus(await admin.patch(path, { name: `Step ${v}`, version: v }), 200);
    expect(expectStatus(await admin.get(path), 200).json).toMatchObject({ version: 6, name: 'Step 5' });
    const stale = await admin.patch(path, { name: 'Stale', version: 3 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'version_conflict', currentVersion: 6 });
    expect(expectStatus(await admin.get(path), 200).json.name).toBe('Step 5');
  });

  it('parallel token creation and revocation lose nothing', async () => {
    const project = await createProject(admin, orgId);
    const env = await createEnvironment(admin, orgId, project.id);
    const created = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => createToken(admin, orgId, env.id, `t${i}`)));
    await Promise.all(created.slice(0, 6).map((t) => admin.delete(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens/${t.id}`)));
    const list = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/environments/${env.id}/tokens`), 200).json.items as { id: string; status: string }[];
    expect(list).toHaveLength(PARALLEL);
    expect(list.filter((t) => t.status === 'revoked')).toHaveLength(6);
  });

  it('two owners demoting each other at the same time cannot leave the organization without an owner', async () => {
    const org = await createOrg(admin);
    const a = await userWithRole(admin, server, org.id, 'owner');
    const b = await userWithRole(admin, server, org.id, 'owner');
    await admin.delete(`/api/v1/orgs/${org.id}/members/${(await admin.get('/api/v1/me')).json.user.id}`);
    const [ra, rb] = await Promise.all([a.client.patch(`/api/v1/orgs/${org.id}/members/${b.userId}`, { role: 'member', version: 1 }), b.client.patch(`/api/v1/orgs/${org.id}/members/${a.userId}`, { role: 'member', version: 1 })]);
    const statuses = [ra.status, rb.status].sort();
    // One demotion happens; the other is refused: the demoted owner is no owner any more (403), or
    // the last owner would go (409 last_owner).
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expectStatus(await admin.get(`/api/v1/orgs/${org.id}/members`), 404); // the admin left
    const winner = ra.status === 200 ? a : b;
    const members = expectStatus(await winner.client.get(`/api/v1/orgs/${org.id}/members`), 200).json.items as { role: string }[];
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
  });
});
