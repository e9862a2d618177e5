import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, ownerWithOrg, signedInAdmin, unique, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';

// Another organization's objects are indistinguishable from missing ones (404), whether addressed
// under their own organization or smuggled under the caller's, and they stay unchanged.
const server = inject('server');

describe('tenancy', () => {
  let ownerA: TestClient;
  let outsider: TestClient;
  let orgA: string;
  let orgB: string;
  let ids: { project: string; env: string; token: string; member: string; invitation: string; policy: string };

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    ownerA = a.owner.client;
    orgA = a.org.id;
    const admin = await signedInAdmin(server);
    orgB = (await createOrg(admin)).id;
    outsider = (await userWithRole(admin, server, orgB, 'owner')).client;
    const project = await createProject(ownerA, orgA);
    const env = await createEnvironment(ownerA, orgA, project.id);
    const token = await createToken(ownerA, orgA, env.id);
    const member = await userWithRole(ownerA, server, orgA, 'member');
    const invitation = expectStatus(await ownerA.post(`/api/v1/orgs/${orgA}/members`, { email: `${unique('i')}@example.com`, role: 'admin' }), 201).json.invitation.id as string;
    const policy = expectStatus(await ownerA.post(`/api/v1/orgs/${orgA}/trust-policies`, { name: 'p', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }] } }), 201).json.id as string;
    ids = { project: project.id, env: env.id, token: token.id, member: member.userId, invitation, policy };
  }, 60_000);

  const attempts = (org: () => string) => [
    ['GET', () => `/api/v1/orgs/${org()}/projects/${ids.project}`, undefined],
    ['PATCH', () => `/api/v1/orgs/${org()}/projects/${ids.project}`, { name: 'hijacked', version: 1 }],
    ['DELETE', () => `/api/v1/orgs/${org()}/projects/${ids.project}`, undefined],
    ['GET', () => `/api/v1/orgs/${org()}/environments/${ids.env}`, undefined],
    ['PATCH', () => `/api/v1/orgs/${org()}/environments/${ids.env}`, { name: 'hijacked', stage: 'production', version: 1 }],
    ['DELETE', () => `/api/v1/orgs/${org()}/environments/${ids.env}`, undefined],
    ['GET', () => `/api/v1/orgs/${org()}/environments/${ids.env}/claims`, undefined],
    ['GET', () => `/api/v1/orgs/${org()}/environments/${ids.env}/tokens`, undefined],
    ['POST', () => `/api/v1/orgs/${org()}/environments/${ids.env}/tokens`, { name: 'stolen' }],
    ['DELETE', () => `/api/v1/orgs/${org()}/environments/${ids.env}/tokens/${ids.token}`, undefined],
    ['PATCH', () => `/api/v1/orgs/${org()}/members/${ids.member}`, { role: 'owner', version: 1 }],
    ['DELETE', () => `/api/v1/orgs/${org()}/members/${ids.member}`, undefined],
    ['DELETE', () => `/api/v1/orgs/${org()}/invitations/${ids.invitation}`, undefined],
    ['GET', () => `/api/v1/orgs/${org()}/trust-policies/${ids.policy}`, undefined],
    ['DELETE', () => `/api/v1/orgs/${org()}/trust-policies/${ids.policy}`, undefined],
    ['POST', () => `/api/v1/orgs/${org()}/environments`, () => ({ projectId: ids.project, name: 'x', slug: unique('x'), stage: 'development' })],
  ] as const;

  const bodyOf = (body: unknown) => (typeof body === 'function' ? (body as () => unknown)() : body);

  it.each(attempts(() => orgA).map(([m, p, b], i) => [i, m, p, b] as const))('#%s %s on org A’s object via org A → 404', async (_i, method, path, body) => {
    const r = await outsider.request(method, path(), body ? { body: bodyOf(body) } : {});
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });

  it.each(attempts(() => orgB).map(([m, p, b], i) => [i, m, p, b] as const))('#%s %s on org A’s object smuggled under the outsider’s own org B → 404', async (_i, method, path, body) => {
    const r = await outsider.request(method, path(), body ? { body: bodyOf(body) } : {});
    expect(r.status).toBe(404);
  });

  it('after all that, org A is untouched', async () => {
    expect(expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/projects/${ids.project}`), 200).json).toMatchObject({ version: 1 });
    expect(expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/environments/${ids.env}`), 200).json).toMatchObject({ version: 1, stage: 'development' });
    const tokens = expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/environments/${ids.env}/tokens`), 200).json.items as { id: string; status: string }[];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.status).toBe('active');
    const members = expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/members`), 200).json.items as { userId: string; role: string }[];
    expect(members.find((m) => m.userId === ids.member)?.role).toBe('member');
    const invitations = expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/invitations`), 200).json.items as { id: string; status: string }[];
    expect(invitations.find((i) => i.id === ids.invitation)?.status).toBe('pending');
    expect((await ownerA.get(`/api/v1/orgs/${orgA}/trust-policies/${ids.policy}`)).status).toBe(200);
    const env = expectStatus(await ownerA.get(`/api/v1/orgs/${orgA}/environments?projectId=${ids.project}`), 200).json.items as unknown[];
    expect(env).toHaveLength(1);
  });

  it('org lists show only one’s own organizations, and the outsider’s audit log has nothing of A', async () => {
    const orgs = expectStatus(await outsider.get('/api/v1/orgs'), 200).json.items as { id: string }[];
    expect(orgs.map((o) => o.id)).toEqual([orgB]);
    const audit = expectStatus(await outsider.get(`/api/v1/orgs/${orgB}/audit?limit=200`), 200).json.items as { target: { id: string | null } }[];
    expect(audit.map((e) => e.target.id)).not.toContain(ids.project);
  });
});
