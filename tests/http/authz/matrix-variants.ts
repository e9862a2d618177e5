// Second rows for routes whose answer depends on more than the caller's role: the owner-only rules
// of membership (only owners make, unmake or remove owners), leaving an organization (anyone may
// remove themselves), and the endpoints a workload calls with its environment token.
import { expect } from 'vitest';
import { expectStatus, unique } from '../../support/fixtures';
import { EVERYONE, OWNER_ONLY, status, type Entry } from './entry';
import { CREDENTIAL_VARIANTS } from './matrix-credentials';
import { INSPECT_VARIANTS } from './matrix-inspect';
import { fresh, GOOD_POLICY, orgPath as org, ownerGet, type World } from './world';

export interface Variant extends Entry {
  /** The matrix key of the route this row exercises again. */
  route: string;
  name: string;
}

const memberRole = async (w: World, userId: string) =>
  (expectStatus(await ownerGet(w, `${org(w)}/members?limit=200`), 200).json.items as { userId: string; role: string }[]).find((m) => m.userId === userId)?.role;

const bearer = (w: World) => ({ Authorization: `Bearer ${w.envToken}` });
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

export const VARIANTS: Variant[] = [
  {
    route: 'PATCH /api/v1/orgs/[orgId]/members/[userId]',
    name: 'make a member an owner',
    expect: OWNER_ONLY(200),
    prepare: async (w) => {
      const { userId } = await fresh.user(w);
      return { path: `${org(w)}/members/${userId}`, body: { role: 'owner', version: 1 }, after: async (_r, done) => expect(await memberRole(w, userId)).toBe(done ? 'owner' : 'member') };
    },
  },
  {
    route: 'PATCH /api/v1/orgs/[orgId]/members/[userId]',
    name: 'demote an owner',
    expect: OWNER_ONLY(200),
    prepare: async (w) => {
      const { userId } = await fresh.user(w, 'owner');
      return { path: `${org(w)}/members/${userId}`, body: { role: 'admin', version: 1 }, after: async (_r, done) => expect(await memberRole(w, userId)).toBe(done ? 'admin' : 'owner') };
    },
  },
  {
    route: 'DELETE /api/v1/orgs/[orgId]/members/[userId]',
    name: 'remove an owner',
    expect: OWNER_ONLY(204),
    prepare: async (w) => {
      const { userId } = await fresh.user(w, 'owner');
      return { path: `${org(w)}/members/${userId}`, after: async (_r, done) => expect(await memberRole(w, userId)).toBe(done ? undefined : 'owner') };
    },
  },
  {
    route: 'DELETE /api/v1/orgs/[orgId]/members/[userId]',
    name: 'leave: remove oneself (a fresh user of the role calls)',
    expect: status(401, 204, 204, 204, 404),
    prepare: async (w, role) => {
      if (role === 'anonymous') return { path: `${org(w)}/members/${w.userIds.member}` };
      if (role === 'outsider') return { path: `${org(w)}/members/${w.userIds.outsider}` };
      const person = await fresh.user(w, role);
      return {
        path: `${org(w)}/members/${person.userId}`,
        as: person.client,
        after: async (_r, done) => {
          expect(done).toBe(true);
          expect(await memberRole(w, person.userId)).toBeUndefined();
          expect((await person.client.get(org(w))).status).toBe(404);
        },
      };
    },
  },
  {
    route: 'POST /api/v1/orgs/[orgId]/members',
    name: 'invite an owner',
    expect: OWNER_ONLY(201),
    prepare: (w) => ({ path: `${org(w)}/members`, body: { email: `${unique('owner')}@example.com`, role: 'owner' } }),
  },
  {
    route: 'POST /api/v1/idp/token',
    name: 'with an environment token (whatever session rides along)',
    expect: EVERYONE(200),
    prepare: (w) => ({ path: '/api/v1/idp/token', headers: bearer(w), after: (r) => expect(claimsOf(String(r.json.token))).toMatchObject({ org_id: w.orgId, environment_id: w.envId }) }),
  },
  {
    route: 'POST /api/v1/trust-policy/evaluate',
    name: 'with an environment token',
    expect: EVERYONE(200),
    prepare: (w) => ({
      path: '/api/v1/trust-policy/evaluate',
      headers: bearer(w),
      body: { policy: GOOD_POLICY(w.orgId, w.issuer), request: { principal: 'arn:aws:iam::111122223333:oidc-provider/x', action: 'sts:AssumeRoleWithWebIdentity', context: {} } },
    }),
  },
  {
    route: 'POST /api/v1/trust-policy/lint',
    name: 'with an environment token',
    expect: EVERYONE(200),
    prepare: (w) => ({ path: '/api/v1/trust-policy/lint', headers: bearer(w), body: { policy: GOOD_POLICY(w.orgId, w.issuer) } }),
  },
  ...INSPECT_VARIANTS,
  ...CREDENTIAL_VARIANTS,
];
