import { expect } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, unique, userWithRole, type ServerRef } from './fixtures';
import type { TestClient } from './http-client';

// An organization populated with one of each object type, for suites that walk every route
// (tenancy, input validation).

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

/** One of every object type an organization owns, made by its owner (or an admin of it). */
export async function orgWithEveryObject(owner: TestClient, server: ServerRef, orgId: string) {
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
