// Two organizations for the tenancy suite. A is the victim: one of every object type, read back by
// its owner into a snapshot. B belongs to the outsider (its owner, so every permission check in
// B passes and only tenancy stands between B's owner and A's objects), with objects of its own to
// mix into paths.
import { createOrg, expectStatus, ownerWithOrg, signedInAdmin, userWithRole, type ServerRef } from '../../support/fixtures';
import type { TestClient } from '../../support/http-client';
import { orgWithEveryObject, type OrgObjects } from '../../support/org-objects';

export { policyDocument, type OrgObjects } from '../../support/org-objects';

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

export async function buildTenancy(server: ServerRef): Promise<Tenancy> {
  const a = await ownerWithOrg(server);
  // The instance admin made org A and leaves it, so A's owner is its only owner.
  const adminId = expectStatus(await a.admin.get('/api/v1/me'), 200).json.user.id as string;
  expectStatus(await a.admin.delete(`/api/v1/orgs/${a.org.id}/members/${adminId}`), 204);
  const admin = await signedInAdmin(server);
  const orgB = await createOrg(admin);
  const outsider = await userWithRole(admin, server, orgB.id, 'owner');
  const [inA, inB] = await Promise.all([orgWithEveryObject(a.owner.client, server, a.org.id), orgWithEveryObject(outsider.client, server, orgB.id)]);
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
