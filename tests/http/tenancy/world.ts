// Two organizations for the tenancy suite. A is the victim: one of every object type, read back by
// its owner into a snapshot. B belongs to the outsider (its owner, so every permission check in
// B passes and only tenancy stands between B's owner and A's objects), with objects of its own to
// mix into paths.
import { expect } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, ownerWithOrg, signedInAdmin, unique, userWithRole, type ServerRef } from '../../support/fixtures';
import type { TestClient } from '../../support/http-client';

export interface OrgObjects {
  org: string;
  project: string;
  env: string;
  token: string;
  member: string;
  invitation: string;
  policy: string;
  kid: string;
}

export interface Tenancy {
  ownerA: TestClient;
  outsider: TestClient;
  outsiderId: string;
  a: OrgObjects;
  b: OrgObjects;
  /** Secrets of A that must keep working: the environment token and the invitation link. */
  envTokenA: string;
  invitationTokenA: string;
}

export const policyDocument = (orgId: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/trustbridge.test/oidc/${orgId}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`trustbridge.test/oidc/${orgId}:aud`]: 'sts.amazonaws.com' } },
    },
  ],
});

async function populate(owner: TestClient, server: ServerRef, orgId: string) {
  const project = await createProject(owner, orgId);
  const env = await createEnvironment(owner, orgId, project.id);
  const token = await createToken(owner, orgId, env.id);
  const member = await userWithRole(owner, server, orgId, 'member');
  const invited = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/members`, { email: `${unique('inv')}@example.com`, role: 'admin' }), 201).json;
  const policy = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/trust-policies`, { name: unique('policy'), policy: policyDocument(orgId) }), 201).json;
  const keys = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer/keys`), 200).json.items as { kid: string; state: string }[];
  const kid = keys.find((k) => k.state === 'active')?.kid;
  expect(kid).toBeDefined();
  const objects: OrgObjects = { org: orgId, project: project.id, env: env.id, token: token.id, member: member.userId, invitation: String(invited.invitation.id), policy: String(policy.id), kid: String(kid) };
  return { objects, envToken: token.token, invitationToken: String(invited.inviteUrl).split('#')[1] ?? '' };
}

export async function buildTenancy(server: ServerRef): Promise<Tenancy> {
  const a = await ownerWithOrg(server);
  // The instance admin made org A and leaves it, so A's owner is its only owner.
  const adminId = expectStatus(await a.admin.get('/api/v1/me'), 200).json.user.id as string;
  expectStatus(await a.admin.delete(`/api/v1/orgs/${a.org.id}/members/${adminId}`), 204);
  const admin = await signedInAdmin(server);
  const orgB = await createOrg(admin);
  const outsider = await userWithRole(admin, server, orgB.id, 'owner');
  const [inA, inB] = await Promise.all([populate(a.owner.client, server, a.org.id), populate(outsider.client, server, orgB.id)]);
  return { ownerA: a.owner.client, outsider: outsider.client, outsiderId: outsider.userId, a: inA.objects, b: inB.objects, envTokenA: inA.envToken, invitationTokenA: inA.invitationToken };
}

const items = async (client: TestClient, path: string) => expectStatus(await client.get(path), 200).json.items as Record<string, unknown>[];
const pick = (item: Record<string, unknown> | undefined, ...fields: string[]) => Object.fromEntries(fields.map((f) => [f, item?.[f]]));

/** Everything about org A an outsider could have changed, as A's owner sees it. */
export async function snapshotOf(owner: TestClient, a: OrgObjects) {
  const base = `/api/v1/orgs/${a.org}`;
  const get = async (path: string) => expectStatus(await owner.get(`${base}${path}`), 200).json as Record<string, unknown>;
  return {
    org: pick(await get(''), 'id', 'name', 'version'),
    issuer: pick(await get('/issuer'), 'version', 'tokenLifetimeSeconds', 'audiences', 'subjectTemplate'),
    projects: (await items(owner, `${base}/projects?limit=200`)).map((p) => pick(p, 'id', 'name', 'version')),
    environments: (await items(owner, `${base}/environments?limit=200`)).map((e) => pick(e, 'id', 'projectId', 'name', 'stage', 'version')),
    tokens: (await items(owner, `${base}/environments/${a.env}/tokens`)).map((t) => pick(t, 'id', 'name', 'status')),
    members: (await items(owner, `${base}/members?limit=200`)).map((m) => pick(m, 'userId', 'role', 'version')),
    invitations: (await items(owner, `${base}/invitations`)).map((i) => pick(i, 'id', 'email', 'role', 'status')),
    policies: (await items(owner, `${base}/trust-policies`)).map((p) => pick(p, 'id', 'name', 'version')),
    keys: (await items(owner, `${base}/issuer/keys`)).map((k) => pick(k, 'kid', 'state')),
    audit: (await items(owner, `${base}/audit?limit=200`)).map((e) => e.id),
  };
}
