import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../lib/server/db/client';
import { recordRole } from '../support/aws-records';
import { createEnvironment, createProject, expectError, expectStatus, ownerWithOrg, unique, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { openDatabase, sharedServerDatabase } from '../support/isolated-server';

// Deployment credentials (organization and project defaults) and per-environment overrides:
// CRUD with versions, the 409s (stale edits, one credential per scope, unique names), the
// field-naming 400s, the recorded role's MaxSessionDuration, audit rows — on SQLite and PostgreSQL.
const server = inject('server');

const ARN = (name: string, account = '111122223333') => `arn:aws:iam::${account}:role/${name}`;

let owner: TestClient;
let orgId: string;
let db: Db;

beforeAll(async () => {
  const a = await ownerWithOrg(server);
  owner = a.owner.client;
  orgId = a.org.id;
  db = openDatabase(sharedServerDatabase());
});
afterAll(() => db?.$disconnect());

const creds = () => `/api/v1/orgs/${orgId}/credentials`;
const auditActions = async (targetId: string) =>
  (expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?targetId=${targetId}&limit=200`), 200).json.items as { action: string; after: unknown; before: unknown }[]).map((e) => e.action);

describe('deployment credentials', () => {
  let projectId: string;
  let orgCredential: { id: string; version: number };

  beforeAll(async () => {
    projectId = (await createProject(owner, orgId, unique('web'))).id;
  });

  it('creates the organization default with the defaults (3600 s, sts.amazonaws.com, no Region), audited', async () => {
    const created = expectStatus(await owner.post(creds(), { name: 'Org default', roleArn: ARN('org-deploy') }), 201).json;
    expect(created).toMatchObject({ name: 'Org default', scope: 'organization', projectId: null, roleArn: ARN('org-deploy'), durationSeconds: 3600, audience: 'sts.amazonaws.com', region: null, role: null, version: 1 });
    orgCredential = created;
    expect(expectStatus(await owner.get(`${creds()}/${created.id}`), 200).json).toEqual(created);
    expect(await auditActions(created.id)).toEqual(['credential.create']);
  });

  it('one credential per scope: a second organization default → 409 already_exists naming scope; a second for a project → naming projectId', async () => {
    expectError(await owner.post(creds(), { name: unique('again'), roleArn: ARN('x') }), 409, 'already_exists', 'scope');
    expectStatus(await owner.post(creds(), { name: 'Web', roleArn: ARN('web'), projectId, durationSeconds: 7200, region: 'eu-west-1' }), 201);
    expectError(await owner.post(creds(), { name: unique('web2'), roleArn: ARN('web2'), projectId }), 409, 'already_exists', 'projectId');
  });

  it('names are unique per organization → 409 already_exists naming name', async () => {
    const other = await createProject(owner, orgId);
    expectError(await owner.post(creds(), { name: 'Org default', roleArn: ARN('y'), projectId: other.id }), 409, 'already_exists', 'name');
  });

  it('lists with pagination and scope/project filters; members read', async () => {
    const all = expectStatus(await owner.get(`${creds()}?limit=1`), 200).json;
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).toBe(orgCredential.id);
    const second = expectStatus(await owner.get(`${creds()}?limit=1&cursor=${all.nextCursor}`), 200).json;
    expect(second.items[0].projectId).toBe(projectId);
    expect(expectStatus(await owner.get(`${creds()}?scope=organization`), 200).json.items.map((c: { id: string }) => c.id)).toEqual([orgCredential.id]);
    expect(expectStatus(await owner.get(`${creds()}?projectId=${projectId}`), 200).json.items.map((c: { name: string }) => c.name)).toEqual(['Web']);
    const member = await userWithRole(owner, server, orgId, 'member');
    expect(expectStatus(await member.client.get(creds()), 200).json.items).toHaveLength(2);
    expectError(await member.client.post(creds(), { name: unique('m'), roleArn: ARN('m'), projectId: (await createProject(owner, orgId)).id }), 403, 'forbidden');
  });

  it.each([
    ['a user ARN', { roleArn: 'arn:aws:iam::111122223333:user/alice' }, 'roleArn'],
    ['a short account id', { roleArn: 'arn:aws:iam::1111:role/deploy' }, 'roleArn'],
    ['an assumed-role (STS) ARN', { roleArn: 'arn:aws:sts::111122223333:assumed-role/deploy/s' }, 'roleArn'],
    ['an unknown partition', { roleArn: 'arn:aws-xx:iam::111122223333:role/deploy' }, 'roleArn'],
    ['a role name with a space', { roleArn: 'arn:aws:iam::111122223333:role/my role' }, 'roleArn'],
    ['a duration below 900', { durationSeconds: 899 }, 'durationSeconds'],
    ['a duration above 43200', { durationSeconds: 43201 }, 'durationSeconds'],
    ['a duration as text', { durationSeconds: '3600' }, 'durationSeconds'],
    ['a fractional duration', { durationSeconds: 1000.5 }, 'durationSeconds'],
    ['a malformed Region', { region: 'Europe' }, 'region'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a malformed project id', { projectId: 'nope' }, 'projectId'],
    ['an empty audience', { audience: '' }, 'audience'],
  ])('400 invalid_request naming the field: %s', async (_what, patch, field) => {
    const project = await createProject(owner, orgId);
    expectError(await owner.post(creds(), { name: unique('bad'), roleArn: ARN('ok'), projectId: project.id, ...patch }), 400, 'invalid_request', field);
  });

  it('accepts the aws-cn and aws-us-gov partitions and role paths', async () => {
    for (const roleArn of ['arn:aws-cn:iam::111122223333:role/cn-deploy', 'arn:aws-us-gov:iam::111122223333:role/ci/gov-deploy']) {
      const project = await createProject(owner, orgId);
      expect(expectStatus(await owner.post(creds(), { name: unique('p'), roleArn, projectId: project.id }), 201).json.roleArn).toBe(roleArn);
    }
  });

  it('an unknown project, or another organization’s → 400 naming projectId', async () => {
    const b = await ownerWithOrg(server);
    const foreign = await createProject(b.owner.client, b.org.id);
    expectError(await owner.post(creds(), { name: unique('x'), roleArn: ARN('x'), projectId: foreign.id }), 400, 'invalid_request', 'projectId');
    expectError(await owner.post(creds(), { name: unique('x'), roleArn: ARN('x'), projectId: '0000000000zzzzzzzzzzzzzzzz' }), 400, 'invalid_request', 'projectId');
  });

  it('the audience must be one of the organization’s allowed audiences', async () => {
    const project = await createProject(owner, orgId);
    expectError(await owner.post(creds(), { name: unique('aud'), roleArn: ARN('a'), projectId: project.id, audience: 'api://ci' }), 400, 'invalid_request', 'audience');
    const settings = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer`), 200).json;
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/issuer`, { audiences: ['sts.amazonaws.com', 'api://ci'], version: settings.version }), 200);
    expect(expectStatus(await owner.post(creds(), { name: unique('aud'), roleArn: ARN('a'), projectId: project.id, audience: 'api://ci' }), 201).json.audience).toBe('api://ci');
  });

  it('never above the recorded role’s MaxSessionDuration (matched by account and case-insensitive name) → 400 naming durationSeconds and the limit', async () => {
    await recordRole(db, { orgId, accountId: '444455556666', name: 'Limited', maxSessionDuration: 3600 });
    const project = await createProject(owner, orgId);
    const body = { name: unique('lim'), roleArn: ARN('limited', '444455556666'), projectId: project.id };
    const error = expectError(await owner.post(creds(), { ...body, durationSeconds: 7200 }), 400, 'invalid_request', 'durationSeconds');
    expect(error.message).toMatch(/at most 3600 seconds/);
    const ok = expectStatus(await owner.post(creds(), { ...body, durationSeconds: 3600 }), 201).json;
    expect(ok.role).toMatchObject({ name: 'Limited', maxSessionDuration: 3600 });
    expectError(await owner.patch(`${creds()}/${ok.id}`, { durationSeconds: 3601, version: ok.version }), 400, 'invalid_request', 'durationSeconds');
    // Another account's role of the same name does not limit it.
    const elsewhere = await createProject(owner, orgId);
    expectStatus(await owner.post(creds(), { name: unique('lim'), roleArn: ARN('limited', '777788889999'), projectId: elsewhere.id, durationSeconds: 7200 }), 201);
  });

  it('PATCH with the current version changes it (version +1, audited); a stale version → 409 with currentVersion and nothing changes; region null clears', async () => {
    const current = expectStatus(await owner.get(`${creds()}/${orgCredential.id}`), 200).json;
    const updated = expectStatus(await owner.patch(`${creds()}/${current.id}`, { roleArn: ARN('org-deploy-2'), region: 'us-west-2', version: current.version }), 200).json;
    expect(updated).toMatchObject({ roleArn: ARN('org-deploy-2'), region: 'us-west-2', name: 'Org default', durationSeconds: 3600, version: current.version + 1 });
    const stale = expectError(await owner.patch(`${creds()}/${current.id}`, { roleArn: ARN('lost-update'), version: current.version }), 409, 'version_conflict');
    expect(stale.currentVersion).toBe(current.version + 1);
    expect(expectStatus(await owner.get(`${creds()}/${current.id}`), 200).json).toEqual(updated);
    const cleared = expectStatus(await owner.patch(`${creds()}/${current.id}`, { region: null, version: updated.version }), 200).json;
    expect(cleared.region).toBeNull();
    expect(await auditActions(current.id)).toEqual(['credential.update', 'credential.update', 'credential.create']);
    orgCredential = cleared;
  });

  it('renaming onto a taken name → 409 naming name', async () => {
    const current = expectStatus(await owner.get(`${creds()}/${orgCredential.id}`), 200).json;
    expectError(await owner.patch(`${creds()}/${current.id}`, { name: 'Web', version: current.version }), 409, 'already_exists', 'name');
  });

  it('concurrent PATCHes with one version: exactly one wins, the others 409', async () => {
    const project = await createProject(owner, orgId);
    const c = expectStatus(await owner.post(creds(), { name: unique('race'), roleArn: ARN('race'), projectId: project.id }), 201).json;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => owner.patch(`${creds()}/${c.id}`, { roleArn: ARN(`race-${i}`), version: c.version })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.json.error.code === 'version_conflict')).toHaveLength(7);
    const winner = results.find((r) => r.status === 200)?.json;
    expect(expectStatus(await owner.get(`${creds()}/${c.id}`), 200).json).toMatchObject({ roleArn: winner.roleArn, version: 2 });
  });

  it('DELETE needs the current version (?version=N): missing or stale → 409 with currentVersion; then 204, audited, gone', async () => {
    const project = await createProject(owner, orgId);
    const c = expectStatus(await owner.post(creds(), { name: unique('del'), roleArn: ARN('del'), projectId: project.id }), 201).json;
    expect(expectError(await owner.delete(`${creds()}/${c.id}`), 409, 'version_conflict').currentVersion).toBe(1);
    expect(expectError(await owner.delete(`${creds()}/${c.id}?version=7`), 409, 'version_conflict').currentVersion).toBe(1);
    expectError(await owner.delete(`${creds()}/${c.id}?version=x`), 400, 'invalid_request', 'version');
    expectStatus(await owner.delete(`${creds()}/${c.id}?version=1`), 204);
    expectError(await owner.get(`${creds()}/${c.id}`), 404, 'not_found');
    expect(await auditActions(c.id)).toEqual(['credential.delete', 'credential.create']);
  });

  it('another organization’s credential is as missing as a missing one (404), under either organization’s path, and stays unchanged', async () => {
    const b = await ownerWithOrg(server);
    const outsider = b.owner.client;
    for (const org of [orgId, b.org.id]) {
      const path = `/api/v1/orgs/${org}/credentials/${orgCredential.id}`;
      expectError(await outsider.get(path), 404, 'not_found');
      expectError(await outsider.patch(path, { name: 'hijacked', version: orgCredential.version }), 404, 'not_found');
      expectError(await outsider.delete(`${path}?version=${orgCredential.version}`), 404, 'not_found');
    }
    expect(expectStatus(await outsider.get(`/api/v1/orgs/${b.org.id}/credentials`), 200).json.items).toEqual([]);
    expect(expectStatus(await owner.get(`${creds()}/${orgCredential.id}`), 200).json).toEqual(orgCredential);
  });
});

describe('environment overrides', () => {
  let projectId: string;
  let envId: string;
  const override = () => `/api/v1/orgs/${orgId}/environments/${envId}/override`;

  beforeAll(async () => {
    projectId = (await createProject(owner, orgId)).id;
    envId = (await createEnvironment(owner, orgId, projectId, 'production')).id;
  });

  it('none yet: GET → 404 no_override; DELETE → 404 no_override', async () => {
    expectError(await owner.get(override()), 404, 'no_override');
    expectError(await owner.delete(`${override()}?version=1`), 404, 'no_override');
  });

  it('PUT creates (201, version 1, audited); a second PUT without version → 409 with currentVersion, never a silent overwrite', async () => {
    const created = expectStatus(await owner.put(override(), { roleArn: ARN('env-a') }), 201).json;
    expect(created).toMatchObject({ environmentId: envId, roleArn: ARN('env-a'), durationSeconds: null, role: null, version: 1 });
    expect(expectStatus(await owner.get(override()), 200).json).toEqual(created);
    expect(expectError(await owner.put(override(), { roleArn: ARN('env-b') }), 409, 'version_conflict').currentVersion).toBe(1);
    expect(expectStatus(await owner.get(override()), 200).json.roleArn).toBe(ARN('env-a'));
  });

  it('PUT with the current version updates (200, version +1); a stale version → 409 with currentVersion, nothing changes', async () => {
    const updated = expectStatus(await owner.put(override(), { roleArn: ARN('env-b'), durationSeconds: 1800, version: 1 }), 200).json;
    expect(updated).toMatchObject({ roleArn: ARN('env-b'), durationSeconds: 1800, version: 2 });
    expect(expectError(await owner.put(override(), { roleArn: ARN('env-c'), version: 1 }), 409, 'version_conflict').currentVersion).toBe(2);
    expect(expectStatus(await owner.get(override()), 200).json).toEqual(updated);
  });

  it('DELETE: missing or stale version → 409; the current one → 204; a PUT still carrying that version afterwards → 409 (it was deleted), without one → created again', async () => {
    expect(expectError(await owner.delete(override()), 409, 'version_conflict').currentVersion).toBe(2);
    expect(expectError(await owner.delete(`${override()}?version=1`), 409, 'version_conflict').currentVersion).toBe(2);
    expectStatus(await owner.delete(`${override()}?version=2`), 204);
    expectError(await owner.get(override()), 404, 'no_override');
    expectError(await owner.put(override(), { roleArn: ARN('env-d'), version: 2 }), 409, 'version_conflict');
    expectError(await owner.get(override()), 404, 'no_override');
    expect(expectStatus(await owner.put(override(), { roleArn: ARN('env-d') }), 201).json.version).toBe(1);
    const events = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?targetId=${envId}&action=environment_override&limit=200`), 200).json.items as { action: string; before: { roleArn?: string } | null; after: { roleArn?: string } | null }[];
    expect(events.map((e) => e.action)).toEqual(['environment_override.set', 'environment_override.delete', 'environment_override.set', 'environment_override.set']);
    expect(events[1]).toMatchObject({ before: { roleArn: ARN('env-b') }, after: null });
  });

  it('creations racing: exactly one 201, the others 409 version_conflict', async () => {
    const env = await createEnvironment(owner, orgId, projectId);
    const path = `/api/v1/orgs/${orgId}/environments/${env.id}/override`;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => owner.put(path, { roleArn: ARN(`race-${i}`) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.json.error.code === 'version_conflict')).toHaveLength(5);
    // Then updates racing with the same version: one 200, the rest 409, the winner's value stored, one audit row each.
    const updates = await Promise.all(Array.from({ length: 6 }, (_, i) => owner.put(path, { roleArn: ARN(`update-${i}`), version: 1 })));
    expect(updates.filter((r) => r.status === 200)).toHaveLength(1);
    expect(updates.filter((r) => r.status === 409 && r.json.error.code === 'version_conflict')).toHaveLength(5);
    const winner = updates.find((r) => r.status === 200)?.json;
    expect(expectStatus(await owner.get(path), 200).json).toMatchObject({ roleArn: winner.roleArn, version: 2 });
    const sets = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/audit?targetId=${env.id}&action=environment_override.set&limit=200`), 200).json.items;
    expect(sets).toHaveLength(2);
  });

  it('bad input → 400 naming the field', async () => {
    expectError(await owner.put(override(), { roleArn: 'arn:aws:iam::111122223333:user/bob', version: 1 }), 400, 'invalid_request', 'roleArn');
    expectError(await owner.put(override(), { roleArn: ARN('x'), durationSeconds: 50000, version: 1 }), 400, 'invalid_request', 'durationSeconds');
    expectError(await owner.put(override(), { roleArn: ARN('x'), version: 0 }), 400, 'invalid_request', 'version');
  });

  it('the duration the environment ends up with stays within the recorded role’s maximum, inherited ones included', async () => {
    await recordRole(db, { orgId, accountId: '999900001111', name: 'short-role', maxSessionDuration: 3600 });
    const project = await createProject(owner, orgId);
    const env = await createEnvironment(owner, orgId, project.id);
    expectStatus(await owner.post(creds(), { name: unique('long'), roleArn: ARN('long'), projectId: project.id, durationSeconds: 7200 }), 201);
    const path = `/api/v1/orgs/${orgId}/environments/${env.id}/override`;
    const inherited = expectError(await owner.put(path, { roleArn: ARN('short-role', '999900001111') }), 400, 'invalid_request', 'durationSeconds');
    expect(inherited.message).toMatch(/inherits/);
    expectError(await owner.put(path, { roleArn: ARN('short-role', '999900001111'), durationSeconds: 5000 }), 400, 'invalid_request', 'durationSeconds');
    expect(expectStatus(await owner.put(path, { roleArn: ARN('short-role', '999900001111'), durationSeconds: 3600 }), 201).json.role).toMatchObject({ maxSessionDuration: 3600 });
  });

  it('members read, cannot set; another organization’s environment → 404', async () => {
    const member = await userWithRole(owner, server, orgId, 'member');
    expect(expectStatus(await member.client.get(override()), 200).json.roleArn).toBe(ARN('env-d'));
    expectError(await member.client.put(override(), { roleArn: ARN('m'), version: 1 }), 403, 'forbidden');
    expectError(await member.client.delete(`${override()}?version=1`), 403, 'forbidden');
    const b = await ownerWithOrg(server);
    for (const org of [orgId, b.org.id]) {
      const path = `/api/v1/orgs/${org}/environments/${envId}/override`;
      expectError(await b.owner.client.get(path), 404, 'not_found');
      expectError(await b.owner.client.put(path, { roleArn: ARN('hijack'), version: 1 }), 404, 'not_found');
      expectError(await b.owner.client.delete(`${path}?version=1`), 404, 'not_found');
    }
    expect(expectStatus(await owner.get(override()), 200).json).toMatchObject({ roleArn: ARN('env-d'), version: 1 });
  });
});
