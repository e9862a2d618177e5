// Matrix rows for deployment credentials, environment overrides, effective credentials, Test
// connection and the workload's GET /api/v1/idp/aws (see matrix-org.ts for the shape of a row).
// Destructive calls get fresh projects and environments; the organization default credential is
// made once per world (there is one per organization).
import { expect } from 'vitest';
import { expectStatus, unique } from '../../support/fixtures';
import { answersFor, creates, deletes, EVERYONE, MANAGE, READ, versioned, type Entry } from './entry';
import type { Variant } from './matrix-variants';
import { fresh, orgPath as org, ownerGet, type World } from './world';

const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const byName = (name: string) => (item: Record<string, unknown>) => item.name === name;

const orgDefaults = new WeakMap<World, Promise<string>>();
/** The organization's default credential (made by the owner the first time a row needs it). */
function orgCredential(w: World): Promise<string> {
  let made = orgDefaults.get(w);
  if (!made) {
    made = w.clients.owner.post(`${org(w)}/credentials`, { name: unique('org-default'), roleArn: ROLE('matrix-org') }).then((r) => String(expectStatus(r, 201).json.id));
    orgDefaults.set(w, made);
  }
  return made;
}

async function projectCredential(w: World): Promise<string> {
  const projectId = await fresh.project(w);
  return String(expectStatus(await w.clients.owner.post(`${org(w)}/credentials`, { name: unique('proj'), roleArn: ROLE('matrix-project'), projectId }), 201).json.id);
}

async function environmentWithOverride(w: World): Promise<string> {
  const envId = await fresh.environment(w);
  expectStatus(await w.clients.owner.put(`${org(w)}/environments/${envId}/override`, { roleArn: ROLE('matrix-override') }), 201);
  return envId;
}

const overrideStatus = async (w: World, envId: string) => (await ownerGet(w, `${org(w)}/environments/${envId}/override`)).status;
const bearer = (w: World) => ({ Authorization: `Bearer ${w.envToken}` });

export const CREDENTIALS_MATRIX: Record<string, Entry> = {
  'GET /api/v1/orgs/[orgId]/credentials': { expect: READ, prepare: (w) => ({ path: `${org(w)}/credentials` }) },
  'POST /api/v1/orgs/[orgId]/credentials': {
    expect: MANAGE(201),
    prepare: async (w) => {
      const projectId = await fresh.project(w);
      const name = unique('cred');
      return { path: `${org(w)}/credentials`, body: { name, roleArn: ROLE('matrix-new'), projectId }, after: creates(w, `${org(w)}/credentials?projectId=${projectId}`, byName(name)) };
    },
  },
  'GET /api/v1/orgs/[orgId]/credentials/[credentialId]': {
    expect: READ,
    prepare: async (w) => {
      const id = await orgCredential(w);
      return { path: `${org(w)}/credentials/${id}`, after: answersFor((j) => j.id, id) };
    },
  },
  'PATCH /api/v1/orgs/[orgId]/credentials/[credentialId]': {
    expect: MANAGE(200),
    prepare: async (w) => versioned(w, `${org(w)}/credentials/${await projectCredential(w)}`, (version) => ({ name: unique('renamed'), version })),
  },
  'DELETE /api/v1/orgs/[orgId]/credentials/[credentialId]': {
    expect: MANAGE(204),
    prepare: async (w) => {
      const path = `${org(w)}/credentials/${await projectCredential(w)}`;
      return deletes(w, `${path}?version=1`, path);
    },
  },

  'GET /api/v1/orgs/[orgId]/environments/[envId]/override': {
    expect: READ,
    prepare: async (w) => {
      const envId = await environmentWithOverride(w);
      return { path: `${org(w)}/environments/${envId}/override`, after: answersFor((j) => j.environmentId, envId) };
    },
  },
  'PUT /api/v1/orgs/[orgId]/environments/[envId]/override': {
    expect: MANAGE(201),
    prepare: async (w) => {
      const envId = await fresh.environment(w);
      return { path: `${org(w)}/environments/${envId}/override`, body: { roleArn: ROLE('matrix-put') }, after: async (_r, done) => expect(await overrideStatus(w, envId)).toBe(done ? 200 : 404) };
    },
  },
  'DELETE /api/v1/orgs/[orgId]/environments/[envId]/override': {
    expect: MANAGE(204),
    prepare: async (w) => {
      const envId = await environmentWithOverride(w);
      return { path: `${org(w)}/environments/${envId}/override?version=1`, after: async (_r, done) => expect(await overrideStatus(w, envId)).toBe(done ? 404 : 200) };
    },
  },
  'GET /api/v1/orgs/[orgId]/environments/[envId]/effective-credential': {
    expect: READ,
    prepare: async (w) => {
      await orgCredential(w);
      return { path: `${org(w)}/environments/${w.envId}/effective-credential`, after: answersFor((j) => (j.environment as { id: string }).id, w.envId) };
    },
  },
  'GET /api/v1/orgs/[orgId]/effective-credentials': { expect: READ, prepare: (w) => ({ path: `${org(w)}/effective-credentials?limit=200` }) },
  // Mints a token (audited) and calls STS (moto on the shared server): admins only.
  'POST /api/v1/orgs/[orgId]/environments/[envId]/test-connection': {
    expect: MANAGE(200),
    prepare: async (w) => {
      await orgCredential(w);
      return { path: `${org(w)}/environments/${w.envId}/test-connection`, body: {}, after: answersFor((j) => j.ok, true) };
    },
  },
  // The workload endpoint: a browser session is not a credential here (see the variants).
  'GET /api/v1/idp/aws': { expect: EVERYONE(401), prepare: () => ({ path: '/api/v1/idp/aws' }) },
};

export const CREDENTIAL_VARIANTS: Variant[] = [
  {
    route: 'GET /api/v1/idp/aws',
    name: 'with an environment token (whatever session rides along): its own environment only',
    expect: EVERYONE(200),
    prepare: async (w) => {
      await orgCredential(w);
      return { path: '/api/v1/idp/aws', headers: bearer(w), after: answersFor((j) => j.environmentId, w.envId) };
    },
  },
  {
    route: 'PUT /api/v1/orgs/[orgId]/environments/[envId]/override',
    name: 'with an environment token and no session: it can never edit',
    expect: EVERYONE(401),
    prepare: (w) => ({
      path: `${org(w)}/environments/${w.envId}/override`,
      headers: bearer(w),
      noCookie: true,
      body: { roleArn: ROLE('stolen') },
      after: async () => expect(await overrideStatus(w, w.envId)).toBe(404),
    }),
  },
  {
    route: 'GET /api/v1/orgs/[orgId]/environments/[envId]/effective-credential',
    name: 'with an environment token and no session: the dashboard API is not for workloads',
    expect: EVERYONE(401),
    prepare: (w) => ({ path: `${org(w)}/environments/${w.envId}/effective-credential`, headers: bearer(w), noCookie: true }),
  },
];
