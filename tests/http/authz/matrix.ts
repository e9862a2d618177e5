// The authorization matrix: for every API route and method, the status each kind of caller gets.
// `prepare` returns the concrete path and a valid body, so a permitted caller reaches the success
// status and every refusal is about who is asking, never about what was sent.
import { unique } from '../../support/fixtures';
import { currentVersion, fresh, GOOD_POLICY, type Role, type World } from './world';

export interface Call {
  path: string;
  body?: unknown;
  /** Send no session cookie whatever the role (public endpoints that would end the session). */
  noCookie?: boolean;
}

export interface Entry {
  expect: Record<Role, number>;
  prepare: (w: World, role: Role) => Promise<Call> | Call;
}

const status = (anonymous: number, member: number, admin: number, owner: number, outsider: number): Record<Role, number> => ({ anonymous, member, admin, owner, outsider });
/** Readable by every member; outsiders see nothing. */
const READ = status(401, 200, 200, 200, 404);
/** Changed by owners and admins only. */
const MANAGE = (ok: number) => status(401, 403, ok, ok, 404);
const SIGNED_IN = (ok: number) => status(401, ok, ok, ok, ok);
const EVERYONE = (code: number) => status(code, code, code, code, code);

const org = (w: World) => `/api/v1/orgs/${w.orgId}`;

export const MATRIX: Record<string, Entry> = {
  'GET /api/health': { expect: EVERYONE(200), prepare: () => ({ path: '/api/health' }) },
  'GET /api/v1/setup': { expect: EVERYONE(200), prepare: () => ({ path: '/api/v1/setup' }) },
  'POST /api/v1/setup': {
    expect: EVERYONE(409),
    prepare: () => ({ path: '/api/v1/setup', body: { code: 'AAAA-BBBB-CCCC', name: 'X', email: `${unique('s')}@example.com`, password: 'a-long-password-123' } }),
  },
  'POST /api/v1/auth/login': { expect: EVERYONE(401), prepare: () => ({ path: '/api/v1/auth/login', body: { email: `${unique('nobody')}@example.com`, password: 'wrong-password-123' } }) },
  'POST /api/v1/auth/logout': { expect: EVERYONE(204), prepare: () => ({ path: '/api/v1/auth/logout', noCookie: true }) },
  'GET /api/v1/me': { expect: SIGNED_IN(200), prepare: () => ({ path: '/api/v1/me' }) },
  'GET /api/v1/orgs': { expect: SIGNED_IN(200), prepare: () => ({ path: '/api/v1/orgs' }) },
  'POST /api/v1/orgs': { expect: SIGNED_IN(201), prepare: () => ({ path: '/api/v1/orgs', body: { name: 'New org', slug: unique('org') } }) },
  'GET /api/v1/orgs/[orgId]': { expect: READ, prepare: (w) => ({ path: org(w) }) },
  'PATCH /api/v1/orgs/[orgId]': { expect: MANAGE(200), prepare: async (w) => ({ path: org(w), body: { name: unique('Renamed'), version: await currentVersion(w, org(w)) } }) },
  'GET /api/v1/orgs/[orgId]/members': { expect: READ, prepare: (w) => ({ path: `${org(w)}/members` }) },
  'POST /api/v1/orgs/[orgId]/members': { expect: MANAGE(201), prepare: (w) => ({ path: `${org(w)}/members`, body: { email: `${unique('new')}@example.com`, role: 'member' } }) },
  'PATCH /api/v1/orgs/[orgId]/members/[userId]': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const userId = await fresh.member(w);
      return { path: `${org(w)}/members/${userId}`, body: { role: 'admin', version: 1 } };
    },
  },
  'DELETE /api/v1/orgs/[orgId]/members/[userId]': { expect: MANAGE(204), prepare: async (w) => ({ path: `${org(w)}/members/${await fresh.member(w)}` }) },
  'GET /api/v1/orgs/[orgId]/invitations': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/invitations` }) },
  'DELETE /api/v1/orgs/[orgId]/invitations/[invitationId]': { expect: MANAGE(204), prepare: async (w) => ({ path: `${org(w)}/invitations/${await fresh.invitation(w)}` }) },
  'POST /api/v1/invitations/preview': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/invitations/preview', body: { token: `tbi_${'A'.repeat(43)}` } }) },
  'POST /api/v1/invitations/accept': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/invitations/accept', body: { token: `tbi_${'A'.repeat(43)}`, name: 'X', password: 'a-long-password-123' } }) },
  'GET /api/v1/orgs/[orgId]/projects': { expect: READ, prepare: (w) => ({ path: `${org(w)}/projects` }) },
  'POST /api/v1/orgs/[orgId]/projects': { expect: MANAGE(201), prepare: (w) => ({ path: `${org(w)}/projects`, body: { name: 'P', slug: unique('p') } }) },
  'GET /api/v1/orgs/[orgId]/projects/[projectId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/projects/${w.projectId}` }) },
  'PATCH /api/v1/orgs/[orgId]/projects/[projectId]': {
    expect: MANAGE(200),
    prepare: async (w) => ({ path: `${org(w)}/projects/${w.projectId}`, body: { name: unique('P'), version: await currentVersion(w, `${org(w)}/projects/${w.projectId}`) } }),
  },
  'DELETE /api/v1/orgs/[orgId]/projects/[projectId]': { expect: MANAGE(204), prepare: async (w) => ({ path: `${org(w)}/projects/${await fresh.project(w)}` }) },
  'GET /api/v1/orgs/[orgId]/environments': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments` }) },
  'POST /api/v1/orgs/[orgId]/environments': { expect: MANAGE(201), prepare: (w) => ({ path: `${org(w)}/environments`, body: { projectId: w.projectId, name: 'E', slug: unique('e'), stage: 'staging' } }) },
  'GET /api/v1/orgs/[orgId]/environments/[envId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}` }) },
  'PATCH /api/v1/orgs/[orgId]/environments/[envId]': {
    expect: MANAGE(200),
    prepare: async (w) => ({ path: `${org(w)}/environments/${w.envId}`, body: { name: unique('E'), stage: 'development', version: await currentVersion(w, `${org(w)}/environments/${w.envId}`) } }),
  },
  'DELETE /api/v1/orgs/[orgId]/environments/[envId]': { expect: MANAGE(204), prepare: async (w) => ({ path: `${org(w)}/environments/${await fresh.environment(w)}` }) },
  'GET /api/v1/orgs/[orgId]/environments/[envId]/claims': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/claims` }) },
  'GET /api/v1/orgs/[orgId]/environments/[envId]/tokens': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/tokens` }) },
  'POST /api/v1/orgs/[orgId]/environments/[envId]/tokens': { expect: MANAGE(201), prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/tokens`, body: { name: 'ci' } }) },
  'DELETE /api/v1/orgs/[orgId]/environments/[envId]/tokens/[tokenId]': {
    expect: MANAGE(204),
    prepare: async (w) => ({ path: `${org(w)}/environments/${w.envId}/tokens/${await fresh.token(w)}` }),
  },
  'GET /api/v1/orgs/[orgId]/audit': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/audit` }) },
  'GET /api/v1/orgs/[orgId]/audit/export': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/audit/export?format=csv` }) },
  'GET /api/v1/orgs/[orgId]/issuer': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer` }) },
  'PATCH /api/v1/orgs/[orgId]/issuer': {
    expect: MANAGE(200),
    prepare: async (w) => ({ path: `${org(w)}/issuer`, body: { tokenLifetimeSeconds: 900, version: await currentVersion(w, `${org(w)}/issuer`) } }),
  },
  'POST /api/v1/orgs/[orgId]/issuer/subject-preview': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer/subject-preview`, body: { subjectTemplate: ['org', 'project', 'environment', 'stage'] } }) },
  'GET /api/v1/orgs/[orgId]/issuer/keys': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer/keys` }) },
  'POST /api/v1/orgs/[orgId]/issuer/keys/rotate': { expect: MANAGE(201), prepare: (w) => ({ path: `${org(w)}/issuer/keys/rotate`, body: { leadHours: 0 } }) },
  'POST /api/v1/orgs/[orgId]/issuer/keys/[kid]/revoke': {
    expect: MANAGE(200),
    prepare: async (w) => ({ path: `${org(w)}/issuer/keys/${await fresh.nextKey(w)}/revoke`, body: { confirm: true } }),
  },
  'GET /api/v1/orgs/[orgId]/trust-policies': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies` }) },
  'POST /api/v1/orgs/[orgId]/trust-policies': {
    expect: MANAGE(201),
    prepare: (w) => ({ path: `${org(w)}/trust-policies`, body: { name: unique('policy'), policy: GOOD_POLICY(w.orgId, `https://trustbridge.test/oidc/${w.orgId}`) } }),
  },
  'GET /api/v1/orgs/[orgId]/trust-policies/context': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies/context` }) },
  'GET /api/v1/orgs/[orgId]/trust-policies/[policyId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies/${w.policyId}` }) },
  'PUT /api/v1/orgs/[orgId]/trust-policies/[policyId]': {
    expect: MANAGE(200),
    prepare: async (w) => ({
      path: `${org(w)}/trust-policies/${w.policyId}`,
      body: { name: unique('policy'), policy: GOOD_POLICY(w.orgId, `https://trustbridge.test/oidc/${w.orgId}`), version: await currentVersion(w, `${org(w)}/trust-policies/${w.policyId}`) },
    }),
  },
  'DELETE /api/v1/orgs/[orgId]/trust-policies/[policyId]': { expect: MANAGE(204), prepare: async (w) => ({ path: `${org(w)}/trust-policies/${await fresh.policy(w)}` }) },
  'POST /api/v1/trust-policy/evaluate': {
    expect: SIGNED_IN(200),
    prepare: (w) => ({ path: '/api/v1/trust-policy/evaluate', body: { policy: GOOD_POLICY(w.orgId, 'https://trustbridge.test/oidc/x'), request: { principal: 'p', action: 'sts:AssumeRoleWithWebIdentity', context: {} } } }),
  },
  'POST /api/v1/trust-policy/lint': { expect: SIGNED_IN(200), prepare: (w) => ({ path: '/api/v1/trust-policy/lint', body: { policy: GOOD_POLICY(w.orgId, 'https://trustbridge.test/oidc/x') } }) },
  // Environment-token endpoint: a browser session is not a credential here.
  'POST /api/v1/idp/token': { expect: EVERYONE(401), prepare: () => ({ path: '/api/v1/idp/token' }) },
  'GET /api/[...path]': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/no-such-endpoint' }) },
  'POST /api/[...path]': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/no-such-endpoint', body: {} }) },
  'PUT /api/[...path]': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/no-such-endpoint', body: {} }) },
  'PATCH /api/[...path]': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/no-such-endpoint', body: {} }) },
  'DELETE /api/[...path]': { expect: EVERYONE(404), prepare: () => ({ path: '/api/v1/no-such-endpoint' }) },
};

/** The error code a refusal must carry, by status (public endpoints name their own). */
export const EXPECTED_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };
export const CODE_OVERRIDES: Record<string, Partial<Record<number, string>>> = {
  'POST /api/v1/setup': { 409: 'setup_not_available' },
  'POST /api/v1/auth/login': { 401: 'invalid_credentials' },
  'POST /api/v1/invitations/preview': { 404: 'invalid_invitation' },
  'POST /api/v1/invitations/accept': { 404: 'invalid_invitation' },
};
