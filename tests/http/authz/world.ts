// The cast of the authorization matrix: organization A with an owner, an admin and a member
// (each a real user made through an invitation link), an outsider who owns organization B, and an
// anonymous caller — plus objects in A to aim at. Destructive calls get fresh targets.
import { expect } from 'vitest';
import { createEnvironment, createOrg, createProject, createToken, expectStatus, signedInAdmin, unique, userWithRole, type ServerRef } from '../../support/fixtures';
import { TestClient } from '../../support/http-client';

export const ROLES = ['anonymous', 'member', 'admin', 'owner', 'outsider'] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  server: ServerRef;
  clients: Record<Role, TestClient>;
  orgId: string;
  projectId: string;
  envId: string;
  tokenId: string;
  policyId: string;
  memberUserId: string;
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
  const orgAdmin = await userWithRole(owner.client, server, org.id, 'admin');
  const member = await userWithRole(owner.client, server, org.id, 'member');
  const orgB = await createOrg(admin);
  const outsider = await userWithRole(admin, server, orgB.id, 'owner');
  const project = await createProject(owner.client, org.id);
  const env = await createEnvironment(owner.client, org.id, project.id);
  const token = await createToken(owner.client, org.id, env.id);
  const policy = expectStatus(await owner.client.post(`/api/v1/orgs/${org.id}/trust-policies`, { name: unique('policy'), policy: GOOD_POLICY(org.id, org.issuer) }), 201).json as { id: string };
  return {
    server,
    clients: { anonymous: new TestClient(server.url, server.publicUrl), member: member.client, admin: orgAdmin.client, owner: owner.client, outsider: outsider.client },
    orgId: org.id,
    projectId: project.id,
    envId: env.id,
    tokenId: token.id,
    policyId: policy.id,
    memberUserId: member.userId,
  };
}

/** Fresh objects for destructive calls, made by the owner. */
export const fresh = {
  project: async (w: World) => (await createProject(w.clients.owner, w.orgId)).id,
  environment: async (w: World) => (await createEnvironment(w.clients.owner, w.orgId, w.projectId)).id,
  token: async (w: World) => (await createToken(w.clients.owner, w.orgId, w.envId)).id,
  member: async (w: World) => (await userWithRole(w.clients.owner, w.server, w.orgId, 'member')).userId,
  invitation: async (w: World) => {
    const r = expectStatus(await w.clients.owner.post(`/api/v1/orgs/${w.orgId}/members`, { email: `${unique('inv')}@example.com`, role: 'member' }), 201).json;
    expect(r.status).toBe('invited');
    return String(r.invitation.id);
  },
  policy: async (w: World) =>
    String(
      expectStatus(await w.clients.owner.post(`/api/v1/orgs/${w.orgId}/trust-policies`, { name: unique('policy'), policy: GOOD_POLICY(w.orgId, `https://trustbridge.test/oidc/${w.orgId}`) }), 201).json.id,
    ),
  /** A published key that does not sign yet (the pending one if a refused revoke left it). */
  nextKey: async (w: World) => {
    const keys = expectStatus(await w.clients.owner.get(`/api/v1/orgs/${w.orgId}/issuer/keys`), 200).json.items as { kid: string; state: string }[];
    const pending = keys.find((k) => k.state === 'next');
    return pending ? pending.kid : String(expectStatus(await w.clients.owner.post(`/api/v1/orgs/${w.orgId}/issuer/keys/rotate`, { leadHours: 48 }), 201).json.kid);
  },
};

export async function currentVersion(w: World, path: string): Promise<number> {
  return Number(expectStatus(await w.clients.owner.get(path), 200).json.version);
}
