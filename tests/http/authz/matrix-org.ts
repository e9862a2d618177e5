// Matrix rows for everything under /api/v1/orgs/{orgId}: what members, admins and owners of the
// org may do (lib/domain/access/permissions.ts), and that outsiders see nothing (404).
import { expect } from 'vitest';
import { expectStatus, unique } from '../../support/fixtures';
import { answersFor, creates, deletes, MANAGE, READ, versioned, type Entry } from './entry';
import { fresh, GOOD_POLICY, keys, orgPath as org, ownerGet, type World } from './world';

const memberRole = async (w: World, userId: string) =>
  (expectStatus(await ownerGet(w, `${org(w)}/members?limit=200`), 200).json.items as { userId: string; role: string }[]).find((m) => m.userId === userId)?.role;
const tokenStatus = async (w: World, tokenId: string) =>
  (expectStatus(await ownerGet(w, `${org(w)}/environments/${w.envId}/tokens`), 200).json.items as { id: string; status: string }[]).find((t) => t.id === tokenId)?.status;
const invitationStatus = async (w: World, id: string) =>
  (expectStatus(await ownerGet(w, `${org(w)}/invitations`), 200).json.items as { id: string; status: string }[]).find((i) => i.id === id)?.status;
const byField = (field: string, value: unknown) => (item: Record<string, unknown>) => item[field] === value;

export const ORG_MATRIX: Record<string, Entry> = {
  'GET /api/v1/orgs/[orgId]': { expect: READ, prepare: (w) => ({ path: org(w), after: answersFor((j) => j.id, w.orgId) }) },
  'PATCH /api/v1/orgs/[orgId]': { expect: MANAGE(200), prepare: (w) => versioned(w, org(w), (version) => ({ name: unique('Renamed'), version })) },

  'GET /api/v1/orgs/[orgId]/members': { expect: READ, prepare: (w) => ({ path: `${org(w)}/members` }) },
  'POST /api/v1/orgs/[orgId]/members': {
    expect: MANAGE(201),
    prepare: (w) => {
      const email = `${unique('new')}@example.com`;
      return { path: `${org(w)}/members`, body: { email, role: 'member' }, after: creates(w, `${org(w)}/invitations`, byField('email', email)) };
    },
  },
  'PATCH /api/v1/orgs/[orgId]/members/[userId]': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const { userId } = await fresh.user(w);
      return { path: `${org(w)}/members/${userId}`, body: { role: 'admin', version: 1 }, after: async (_r, done) => expect(await memberRole(w, userId)).toBe(done ? 'admin' : 'member') };
    },
  },
  'DELETE /api/v1/orgs/[orgId]/members/[userId]': {
    expect: MANAGE(204),
    prepare: async (w) => {
      const { userId } = await fresh.user(w);
      return { path: `${org(w)}/members/${userId}`, after: async (_r, done) => expect(await memberRole(w, userId)).toBe(done ? undefined : 'member') };
    },
  },
  'GET /api/v1/orgs/[orgId]/invitations': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/invitations` }) },
  'DELETE /api/v1/orgs/[orgId]/invitations/[invitationId]': {
    expect: MANAGE(204),
    prepare: async (w) => {
      const { id } = await fresh.invitation(w);
      return { path: `${org(w)}/invitations/${id}`, after: async (_r, done) => expect(await invitationStatus(w, id)).toBe(done ? 'revoked' : 'pending') };
    },
  },

  'GET /api/v1/orgs/[orgId]/projects': { expect: READ, prepare: (w) => ({ path: `${org(w)}/projects` }) },
  'POST /api/v1/orgs/[orgId]/projects': {
    expect: MANAGE(201),
    prepare: (w) => {
      const slug = unique('p');
      return { path: `${org(w)}/projects`, body: { name: 'P', slug }, after: creates(w, `${org(w)}/projects?limit=200`, byField('slug', slug)) };
    },
  },
  'GET /api/v1/orgs/[orgId]/projects/[projectId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/projects/${w.projectId}`, after: answersFor((j) => j.id, w.projectId) }) },
  'PATCH /api/v1/orgs/[orgId]/projects/[projectId]': {
    expect: MANAGE(200),
    prepare: (w) => versioned(w, `${org(w)}/projects/${w.projectId}`, (version) => ({ name: unique('P'), version })),
  },
  'DELETE /api/v1/orgs/[orgId]/projects/[projectId]': { expect: MANAGE(204), prepare: async (w) => deletes(w, `${org(w)}/projects/${await fresh.project(w)}`) },

  'GET /api/v1/orgs/[orgId]/environments': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments` }) },
  'POST /api/v1/orgs/[orgId]/environments': {
    expect: MANAGE(201),
    prepare: (w) => {
      const slug = unique('e');
      return {
        path: `${org(w)}/environments`,
        body: { projectId: w.projectId, name: 'E', slug, stage: 'staging' },
        after: creates(w, `${org(w)}/environments?projectId=${w.projectId}&limit=200`, byField('slug', slug)),
      };
    },
  },
  'GET /api/v1/orgs/[orgId]/environments/[envId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}`, after: answersFor((j) => j.id, w.envId) }) },
  'PATCH /api/v1/orgs/[orgId]/environments/[envId]': {
    expect: MANAGE(200),
    prepare: (w) => versioned(w, `${org(w)}/environments/${w.envId}`, (version) => ({ name: unique('E'), stage: 'development', version })),
  },
  'DELETE /api/v1/orgs/[orgId]/environments/[envId]': { expect: MANAGE(204), prepare: async (w) => deletes(w, `${org(w)}/environments/${await fresh.environment(w)}`) },
  'GET /api/v1/orgs/[orgId]/environments/[envId]/claims': {
    expect: READ,
    prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/claims`, after: answersFor((j) => (j.claims as Record<string, unknown>).environment_id, w.envId) }),
  },
  'GET /api/v1/orgs/[orgId]/environments/[envId]/tokens': { expect: READ, prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/tokens` }) },
  'POST /api/v1/orgs/[orgId]/environments/[envId]/tokens': {
    expect: MANAGE(201),
    prepare: (w) => {
      const name = unique('ci');
      return { path: `${org(w)}/environments/${w.envId}/tokens`, body: { name }, after: creates(w, `${org(w)}/environments/${w.envId}/tokens`, byField('name', name)) };
    },
  },
  'DELETE /api/v1/orgs/[orgId]/environments/[envId]/tokens/[tokenId]': {
    expect: MANAGE(204),
    prepare: async (w) => {
      const tokenId = await fresh.token(w);
      return { path: `${org(w)}/environments/${w.envId}/tokens/${tokenId}`, after: async (_r, done) => expect(await tokenStatus(w, tokenId)).toBe(done ? 'revoked' : 'active') };
    },
  },

  'GET /api/v1/orgs/[orgId]/audit': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/audit` }) },
  'GET /api/v1/orgs/[orgId]/audit/export': { expect: MANAGE(200), prepare: (w) => ({ path: `${org(w)}/audit/export?format=csv` }) },

  'GET /api/v1/orgs/[orgId]/issuer': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer` }) },
  'PATCH /api/v1/orgs/[orgId]/issuer': { expect: MANAGE(200), prepare: (w) => versioned(w, `${org(w)}/issuer`, (version) => ({ tokenLifetimeSeconds: 900, version })) },
  'POST /api/v1/orgs/[orgId]/issuer/subject-preview': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer/subject-preview`, body: { subjectTemplate: ['org', 'project', 'environment', 'stage'] } }) },
  'GET /api/v1/orgs/[orgId]/issuer/keys': { expect: READ, prepare: (w) => ({ path: `${org(w)}/issuer/keys` }) },
  'POST /api/v1/orgs/[orgId]/issuer/keys/rotate': {
    expect: MANAGE(201),
    prepare: async (w) => {
      const before = await keys(w);
      return {
        path: `${org(w)}/issuer/keys/rotate`,
        body: { leadHours: 0 },
        after: async (r, done) => {
          const now = await keys(w);
          if (done) expect(now.find((k) => k.kid === r.json.kid)?.state).toBe('active');
          else expect(now).toEqual(before);
        },
      };
    },
  },
  'POST /api/v1/orgs/[orgId]/issuer/keys/[kid]/revoke': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const kid = await fresh.nextKey(w);
      return {
        path: `${org(w)}/issuer/keys/${kid}/revoke`,
        body: { confirm: true },
        after: async (_r, done) => expect((await keys(w)).find((k) => k.kid === kid)?.state).toBe(done ? 'removed' : 'next'),
      };
    },
  },

  'GET /api/v1/orgs/[orgId]/trust-policies': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies` }) },
  'POST /api/v1/orgs/[orgId]/trust-policies': {
    expect: MANAGE(201),
    prepare: (w) => {
      const name = unique('policy');
      return { path: `${org(w)}/trust-policies`, body: { name, policy: GOOD_POLICY(w.orgId, w.issuer) }, after: creates(w, `${org(w)}/trust-policies`, byField('name', name)) };
    },
  },
  'GET /api/v1/orgs/[orgId]/trust-policies/context': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies/context`, after: answersFor((j) => j.orgId, w.orgId) }) },
  'GET /api/v1/orgs/[orgId]/trust-policies/[policyId]': { expect: READ, prepare: (w) => ({ path: `${org(w)}/trust-policies/${w.policyId}`, after: answersFor((j) => j.id, w.policyId) }) },
  'PUT /api/v1/orgs/[orgId]/trust-policies/[policyId]': {
    expect: MANAGE(200),
    prepare: (w) => versioned(w, `${org(w)}/trust-policies/${w.policyId}`, (version) => ({ name: unique('policy'), policy: GOOD_POLICY(w.orgId, w.issuer), version })),
  },
  'DELETE /api/v1/orgs/[orgId]/trust-policies/[policyId]': { expect: MANAGE(204), prepare: async (w) => deletes(w, `${org(w)}/trust-policies/${await fresh.policy(w)}`) },
};
