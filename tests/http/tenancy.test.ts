import { beforeAll, describe, expect, inject, it } from 'vitest';
import { expectStatus } from '../support/fixtures';
import type { HttpResult } from '../support/http-client';
import { ATTEMPTS, pathOf, type Attempt, type Versions } from './tenancy/attempts';
import { buildTenancy, policyDocument, snapshotOf, type Tenancy } from './tenancy/world';

// Another organization's objects are indistinguishable from missing ones (PRODUCT.md): the owner
// of org B gets 404 `not_found` for every object of org A, whether addressed under A's path or
// smuggled under B's own, and A's owner then finds everything exactly as it was.
const server = inject('server');

let t: Tenancy;
let before: Awaited<ReturnType<typeof snapshotOf>>;
let versions: Versions;

beforeAll(async () => {
  t = await buildTenancy(server);
  before = await snapshotOf(t.ownerA, t.a);
  const version = (items: { version?: unknown }[], found: (i: Record<string, unknown>) => boolean) => Number(items.find(found)?.version);
  versions = {
    org: Number(before.org.version),
    issuer: Number(before.issuer.version),
    project: version(before.projects, (p) => p.id === t.a.project),
    env: version(before.environments, (e) => e.id === t.a.env),
    member: version(before.members, (m) => m.userId === t.a.member),
    policy: version(before.policies, (p) => p.id === t.a.policy),
  };
  expect(Object.values(versions).every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
}, 120_000);

const expectNotFound = (r: HttpResult, what: string) => {
  expect(r.status, `${what} → ${r.text.slice(0, 200)}`).toBe(404);
  expect(r.json?.error?.code, what).toBe('not_found');
};

const viaA = ATTEMPTS.filter((a) => !a.viaBOnly);
const viaB = ATTEMPTS.filter((a) => !a.viaAOnly);
const named = (list: readonly Attempt[]) => list.map((a) => [a.object, a.method, a.template, a] as const);

async function attempt(a: Attempt, viaOrg: () => string): Promise<void> {
  const path = pathOf(a.template, viaOrg(), t.a, t.b);
  const r = await t.outsider.request(a.method, path, a.body ? { body: a.body(versions, t.a) } : {});
  expectNotFound(r, `${a.method} ${path}`);
}

describe('an outsider (owner of org B) against org A', () => {
  it.each(named(viaA))('%s: %s %s under org A’s own path → 404', (_o, _m, _t, a) => attempt(a, () => t.a.org));
  it.each(named(viaB))('%s: %s %s smuggled under org B (the outsider is its owner) → 404', (_o, _m, _t, a) => attempt(a, () => t.b.org));

  it('org B’s lists, filters, previews and audit log show nothing of org A', async () => {
    const b = `/api/v1/orgs/${t.b.org}`;
    const ids = (r: HttpResult) => (expectStatus(r, 200).json.items as { id: string }[]).map((i) => i.id);
    expect(ids(await t.outsider.get(`${b}/environments?projectId=${t.a.project}`))).toEqual([]);
    expect(ids(await t.outsider.get(`${b}/environments?limit=200`))).toEqual([t.b.env]);
    expect(ids(await t.outsider.get(`${b}/projects?limit=200`))).toEqual([t.b.project]);
    expect(ids(await t.outsider.get(`${b}/audit?targetId=${t.a.project}`))).toEqual([]);
    const context = expectStatus(await t.outsider.get(`${b}/trust-policies/context`), 200).json;
    expect(context.environments.map((e: { id: string }) => e.id)).toEqual([t.b.env]);
    const preview = expectStatus(await t.outsider.post(`${b}/issuer/subject-preview`, { subjectTemplate: ['org', 'environment_id'] }), 200).json;
    expect(preview.environments.map((e: { environmentId: string }) => e.environmentId)).toEqual([t.b.env]);
    const exported = expectStatus(await t.outsider.get(`${b}/audit/export?format=ndjson`), 200).text;
    for (const id of Object.values(t.a)) expect(exported).not.toContain(id);
  });

  it('afterwards org A is exactly as it was, and its secrets still work', async () => {
    // Compared before anything below writes to A (issuing an ID token is audited).
    expect(await snapshotOf(t.ownerA, t.a)).toEqual(before);
    expect(before.tokens.find((k) => k.id === t.a.token)?.status).toBe('active');
    expect(before.invitations.find((i) => i.id === t.a.invitation)?.status).toBe('pending');
    expect(before.members.find((m) => m.userId === t.a.member)?.role).toBe('member');
    const audit = expectStatus(await t.ownerA.get(`/api/v1/orgs/${t.a.org}/audit?limit=200`), 200).json.items as { actor: { id: string | null } }[];
    expect(audit.filter((e) => e.actor.id === t.outsiderId)).toEqual([]);
    const issued = await t.outsider.post('/api/v1/idp/token', undefined, { headers: { Authorization: `Bearer ${t.envTokenA}` }, cookie: null });
    expect(issued.status, issued.text).toBe(200);
    expect(expectStatus(await t.outsider.post('/api/v1/invitations/preview', { token: t.invitationTokenA }, { cookie: null }), 200).json.role).toBe('admin');
  });
});

describe('organization lists', () => {
  it('each user sees only the organizations they belong to', async () => {
    const orgIds = async (client: Tenancy['ownerA']) => (expectStatus(await client.get('/api/v1/orgs'), 200).json.items as { id: string }[]).map((o) => o.id);
    const meIds = async (client: Tenancy['ownerA']) => (expectStatus(await client.get('/api/v1/me'), 200).json.organizations as { id: string }[]).map((o) => o.id);
    expect(await orgIds(t.outsider)).toEqual([t.b.org]);
    expect(await meIds(t.outsider)).toEqual([t.b.org]);
    expect(await orgIds(t.ownerA)).toEqual([t.a.org]);
    expect(await meIds(t.ownerA)).toEqual([t.a.org]);
  });
});

// Ids that name nothing, asked for by A's owner in A's own path.
const missingId = '0000000000zzzzzzzzzzzzzzzz';
const objectRoutes: { template: string; methods: Attempt['method'][]; body?: (method: string) => unknown }[] = [
  { template: '/orgs/{org}', methods: ['GET', 'PATCH'], body: () => ({ name: 'x', version: 1 }) },
  { template: '/orgs/{org}/projects/{project}', methods: ['GET', 'PATCH', 'DELETE'], body: () => ({ name: 'x', version: 1 }) },
  { template: '/orgs/{org}/environments/{env}', methods: ['GET', 'PATCH', 'DELETE'], body: () => ({ name: 'x', stage: 'staging', version: 1 }) },
  { template: '/orgs/{org}/environments/{env}/claims', methods: ['GET'] },
  { template: '/orgs/{org}/environments/{env}/tokens', methods: ['GET', 'POST'], body: () => ({ name: 'ci' }) },
  { template: '/orgs/{org}/environments/{env}/tokens/{token}', methods: ['DELETE'] },
  { template: '/orgs/{org}/members/{member}', methods: ['PATCH', 'DELETE'], body: () => ({ role: 'admin', version: 1 }) },
  { template: '/orgs/{org}/invitations/{invitation}', methods: ['DELETE'] },
  { template: '/orgs/{org}/trust-policies/{policy}', methods: ['GET', 'PUT', 'DELETE'], body: () => ({ name: 'x', policy: policyDocument(missingId), version: 1 }) },
  { template: '/orgs/{org}/issuer/keys/{kid}/revoke', methods: ['POST'], body: () => ({ confirm: true }) },
];
/** The placeholder a route's own object sits in (the last one in its path). Ids are raw path segments. */
const lastPlaceholder = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].at(-1)?.[1] ?? '';

async function askFor(template: string, methods: Attempt['method'][], body: ((method: string) => unknown) | undefined, id: string): Promise<void> {
  const field = lastPlaceholder(template);
  const path = pathOf(template.replace(`{${field}}`, id), t.a.org, t.a, t.b);
  for (const method of methods) {
    const r = await t.ownerA.request(method, path, body && method !== 'GET' && method !== 'DELETE' ? { body: body(method) } : {});
    expectNotFound(r, `${method} ${path}`);
  }
}

describe('ids that name nothing: 404 not_found, never 400 or 500', () => {
  it.each(objectRoutes.map((r) => [r.template, r] as const))('a well-formed id of nothing: %s', async (_t, route) => {
    await askFor(route.template, route.methods, route.body, missingId);
  });

  // Raw path segments (already percent-encoded where they must be).
  const malformed = ['not-an-id', '1', '0000000000ZZZZZZZZZZZZZZZZ', `${missingId}0`, missingId.slice(1), `${missingId}%20`, '%27%20OR%20%271%27%3D%271', '..%2F..%2Fhealth', 'a'.repeat(300), '%00', 'null', '%5Bobject%20Object%5D'];
  it.each(objectRoutes.map((r) => [r.template, r] as const))('malformed ids: %s', async (_t, route) => {
    for (const id of malformed) await askFor(route.template, route.methods, route.body, id);
  });

  it('a real id of another kind of object names nothing', async () => {
    await askFor('/orgs/{org}', ['GET'], undefined, t.a.project);
    await askFor('/orgs/{org}/projects/{project}', ['GET'], undefined, t.a.env);
    await askFor('/orgs/{org}/environments/{env}', ['GET'], undefined, t.a.project);
    await askFor('/orgs/{org}/environments/{env}/tokens/{token}', ['DELETE'], undefined, t.a.env);
    await askFor('/orgs/{org}/members/{member}', ['DELETE'], undefined, t.a.invitation);
    await askFor('/orgs/{org}/invitations/{invitation}', ['DELETE'], undefined, t.a.member);
    await askFor('/orgs/{org}/trust-policies/{policy}', ['GET'], undefined, t.a.project);
  });

  it('the real ids of A, malformed by case or length, name nothing either', async () => {
    await askFor('/orgs/{org}/projects/{project}', ['GET'], undefined, t.a.project.toUpperCase());
    await askFor('/orgs/{org}/projects/{project}', ['GET'], undefined, t.a.project.slice(0, 25));
    await askFor('/orgs/{org}/environments/{env}', ['GET'], undefined, `${t.a.env}%20`);
    await askFor('/orgs/{org}', ['GET'], undefined, t.a.org.toUpperCase());
  });
});
