// The cast of the authorization matrix: organization A with an owner, an admin and a member (each
// a real user made through an invitation link), an outsider who owns organization B, and an
// anonymous caller — plus objects in A to aim at. Destructive calls get fresh targets.
import { expect } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, PASSWORD, signedInAdmin, unique, userWithRole, type ServerRef } from '../../support/fixtures';
import { TestClient } from '../../support/http-client';

export const ROLES = ['anonymous', 'member', 'admin', 'owner', 'outsider'] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

export interface World {
  server: ServerRef;
  clients: Record<Role, TestClient>;
  /** Email of each signed-in caller (password: fixtures' PASSWORD). */
  emails: Record<SignedInRole, string>;
  userIds: Record<SignedInRole, string>;
  orgId: string;
  issuer: string;
  projectId: string;
  envId: string;
  tokenId: string;
  /** The secret of `tokenId`: a workload's credential. */
  envToken: string;
  policyId: string;
}

export const GOOD_POLICY = (orgId: string, issuer: string) => {
  const prefix = issuer.replace(/^https?:\/\//, '');
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${orgId}:project:*` } },
      },
    ],
  };
};

export async function buildWorld(server: ServerRef): Promise<World> {
  const admin = await signedInAdmin(server);
  const org = await createOrg(admin);
  const owner = await userWithRole(admin, server, org.id, 'owner');
  // The instance admin who made the org leaves it: A's people are exactly the three below.
  const me = expectStatus(await admin.get('/api/v1/me'), 200).json.user.id as string;
  expectStatus(await admin.delete(`/api/v1/orgs/${org.id}/members/${me}`), 204);
  const orgAdmin = await userWithRole(owner.client, server, org.id, 'admin');
  const member = await userWithRole(owner.client, server, org.id, 'member');
  const orgB = await createOrg(admin);
  const outsider = await userWithRole(admin, server, orgB.id, 'owner');
  const project = await createProject(owner.client, org.id);
  const env = await createEnvironment(owner.client, org.id, project.id);
  const token = await createToken(owner.client, org.id, env.id);
  const policy = expectStatus(await owner.client.post(`/api/v1/orgs/${org.id}/trust-policies`, { name: unique('policy'), policy: GOOD_POLICY(org.id, org.issuer) }), 201).json as { id: string };
  const people = { member, admin: orgAdmin, owner, outsider };
  return {
    server,
    clients: { anonymous: new TestClient(server.url, server.publicUrl), member: member.client, admin: orgAdmin.client, owner: owner.client, outsider: outsider.client },
    emails: { member: member.email, admin: orgAdmin.email, owner: owner.email, outsider: outsider.email },
    userIds: { member: people.member.userId, admin: people.admin.userId, owner: people.owner.userId, outsider: people.outsider.userId },
    orgId: org.id,
    issuer: org.issuer,
    projectId: project.id,
    envId: env.id,
    tokenId: token.id,
    envToken: token.token,
    policyId: policy.id,
  };
}

export const orgPath = (w: World) => `/api/v1/orgs/${w.orgId}`;

/** The owner's view of a path (status and body), for checking what a call did or did not change. */
export const ownerGet = async (w: World, path: string) => w.clients.owner.get(path);

export async function currentVersion(w: World, path: string): Promise<number> {
  return Number(expectStatus(await ownerGet(w, path), 200).json.version);
}

/** Signs a caller in again (after a call that ended or replaced its session). */
export async function signInAgain(w: World, role: SignedInRole): Promise<void> {
  expectStatus(await w.clients[role].signIn(w.emails[role], PASSWORD), 200);
}

async function inviteLink(w: World, role: 'member' | 'owner' = 'member') {
  const r = expectStatus(await w.clients.owner.post(`${orgPath(w)}/members`, { email: `${unique('inv')}@example.com`, role }), 201).json;
  expect(r.status).toBe('invited');
  return { id: String(r.invitation.id), email: String(r.invitation.email), token: String(r.inviteUrl).split('#')[1] ?? '' };
}

/** Fresh objects for destructive calls, made by the owner. */
export const fresh = {
  project: async (w: World) => (await createProject(w.clients.owner, w.orgId)).id,
  environment: async (w: World) => (await createEnvironment(w.clients.owner, w.orgId, w.projectId)).id,
  token: async (w: World) => (await createToken(w.clients.owner, w.orgId, w.envId)).id,
  user: async (w: World, role: 'owner' | 'admin' | 'member' = 'member') => userWithRole(w.clients.owner, w.server, w.orgId, role),
  invitation: inviteLink,
  policy: async (w: World) =>
    String(expectStatus(await w.clients.owner.post(`${orgPath(w)}/trust-policies`, { name: unique('policy'), policy: GOOD_POLICY(w.orgId, w.issuer) }), 201).json.id),
  /** A published key that does not sign yet (the pending one if a refused revoke left it). */
  nextKey: async (w: World) => {
    const pending = (await keys(w)).find((k) => k.state === 'next');
    return pending ? pending.kid : String(expectStatus(await w.clients.owner.post(`${orgPath(w)}/issuer/keys/rotate`, { leadHours: 48 }), 201).json.kid);
  },
};

export async function keys(w: World): Promise<{ kid: string; state: string }[]> {
  return expectStatus(await ownerGet(w, `${orgPath(w)}/issuer/keys`), 200).json.items;
}
