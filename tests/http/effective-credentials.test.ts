import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZPage } from '../../lib/schemas/common';
import { ZDeploymentCredential, ZEffectiveCredential, ZEffectiveCredentialRow, ZEnvironmentOverride, ZIdpAws } from '../../lib/schemas/credentials';
import type { Db } from '../../lib/server/db/client';
import { recordRole } from '../support/aws-records';
import { createEnvironment, createProject, createToken, expectError, expectStatus, ownerWithOrg, unique } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { openDatabase, sharedServerDatabase } from '../support/isolated-server';

// The effective credential: environment override → project credential → organization credential,
// always with its source — per environment, as a paginated and filtered table of every environment,
// and for the calling environment through GET /api/v1/idp/aws (environment token: its own only,
// and it can never edit anything).
const server = inject('server');
const ARN = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

let owner: TestClient;
let orgId: string;
let db: Db;
const o = () => `/api/v1/orgs/${orgId}`;

beforeAll(async () => {
  const a = await ownerWithOrg(server);
  owner = a.owner.client;
  orgId = a.org.id;
  db = openDatabase(sharedServerDatabase());
});
afterAll(() => db?.$disconnect());

describe('resolution order, per environment', () => {
  let web: { id: string; slug: string };
  let env: { id: string; slug: string };
  const effective = () => owner.get(`${o()}/environments/${env.id}/effective-credential`);

  beforeAll(async () => {
    web = await createProject(owner, orgId, unique('web'));
    env = await createEnvironment(owner, orgId, web.id, 'production', 'prod');
  });

  it('nothing set up → 404 no_credential saying what to set up', async () => {
    expect(expectError(await effective(), 404, 'no_credential').message).toMatch(/credential.*override/);
  });

  it('organization → project → environment override, each with its source and the object it came from', async () => {
    const orgCred = expectStatus(await owner.post(`${o()}/credentials`, { name: 'Org', roleArn: ARN('org'), durationSeconds: 1800, region: 'eu-west-1' }), 201).json;
    expect(expectStatus(await effective(), 200).json).toMatchObject({
      source: 'organization',
      sourceId: orgCred.id,
      sourceName: 'Org',
      roleArn: ARN('org'),
      durationSeconds: 1800,
      audience: 'sts.amazonaws.com',
      region: 'eu-west-1',
      roleSessionName: `${web.slug}.prod`,
      credential: { id: orgCred.id, scope: 'organization' },
      override: null,
      environment: { id: env.id, slug: 'prod', stage: 'production', projectId: web.id, projectSlug: web.slug },
      warnings: [],
    });

    const projCred = expectStatus(await owner.post(`${o()}/credentials`, { name: 'Web', roleArn: ARN('web'), projectId: web.id, durationSeconds: 7200 }), 201).json;
    expect(expectStatus(await effective(), 200).json).toMatchObject({ source: 'project', sourceId: projCred.id, sourceName: 'Web', roleArn: ARN('web'), durationSeconds: 7200, region: null, fieldSources: { region: 'default' } });

    const ov = expectStatus(await owner.put(`${o()}/environments/${env.id}/override`, { roleArn: ARN('prod-only') }), 201).json;
    const withOverride = expectStatus(await effective(), 200).json;
    expect(withOverride).toMatchObject({
      source: 'environment',
      sourceId: env.id,
      roleArn: ARN('prod-only'),
      durationSeconds: 7200,
      audience: 'sts.amazonaws.com',
      credential: { id: projCred.id, scope: 'project' },
      override: { roleArn: ARN('prod-only'), durationSeconds: null, version: ov.version },
      fieldSources: { roleArn: 'environment', durationSeconds: 'project', audience: 'project', region: 'default' },
    });

    // Unwinding: delete the override → project; delete the project credential → organization.
    expectStatus(await owner.delete(`${o()}/environments/${env.id}/override?version=${ov.version}`), 204);
    expect(expectStatus(await effective(), 200).json.source).toBe('project');
    expectStatus(await owner.delete(`${o()}/credentials/${projCred.id}?version=${projCred.version}`), 204);
    expect(expectStatus(await effective(), 200).json.source).toBe('organization');
  });

  it('warns when the effective duration is above the recorded role’s MaxSessionDuration (recorded after the credential)', async () => {
    const project = await createProject(owner, orgId);
    const e = await createEnvironment(owner, orgId, project.id);
    expectStatus(await owner.post(`${o()}/credentials`, { name: unique('w'), roleArn: 'arn:aws:iam::555566667777:role/later', projectId: project.id, durationSeconds: 7200 }), 201);
    await recordRole(db, { orgId, accountId: '555566667777', name: 'later', maxSessionDuration: 3600 });
    const got = expectStatus(await owner.get(`${o()}/environments/${e.id}/effective-credential`), 200).json;
    expect(got.role).toMatchObject({ name: 'later', maxSessionDuration: 3600 });
    expect(got.warnings).toEqual([{ field: 'durationSeconds', message: expect.stringContaining('3600') }]);
  });

  it('another organization’s environment → 404 not_found', async () => {
    const b = await ownerWithOrg(server);
    expectError(await b.owner.client.get(`${o()}/environments/${env.id}/effective-credential`), 404, 'not_found');
    expectError(await b.owner.client.get(`/api/v1/orgs/${b.org.id}/environments/${env.id}/effective-credential`), 404, 'not_found');
  });
});

describe('the table of every environment', () => {
  let tableOrg: string;
  let tableOwner: TestClient;
  const envs: { id: string; project: string; stage: string }[] = [];
  let p1: string;
  let p2: string;
  let p3: string;
  const table = async (query: string) => {
    const items: { id: string; environment: { projectId: string; stage: string }; effective: { source: string; roleArn: string } | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: typeof items; nextCursor: string | null } = expectStatus(await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`), 200).json;
      // Full pages until the last one, even with a source filter.
      expect(page.items.length).toBe(page.nextCursor ? 2 : page.items.length);
      expect(page.items.length).toBeLessThanOrEqual(2);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return items;
  };

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    tableOwner = a.owner.client;
    tableOrg = a.org.id;
    p1 = (await createProject(tableOwner, tableOrg)).id;
    p2 = (await createProject(tableOwner, tableOrg)).id;
    p3 = (await createProject(tableOwner, tableOrg)).id;
    for (const [project, stage] of [
      [p1, 'development'],
      [p1, 'staging'],
      [p1, 'production'],
      [p2, 'development'],
      [p2, 'production'],
      [p3, 'production'],
    ] as const) {
      envs.push({ id: (await createEnvironment(tableOwner, tableOrg, project, stage)).id, project, stage });
    }
  });

  it('before anything is set up: every environment, in creation order, with effective null', async () => {
    const rows = await table('');
    expect(rows.map((r) => r.id)).toEqual(envs.map((e) => e.id));
    expect(rows.every((r) => r.effective === null)).toBe(true);
    expect((await table('&source=none')).map((r) => r.id)).toEqual(envs.map((e) => e.id));
    expect(await table('&source=organization')).toEqual([]);
  });

  it('resolves each row; filters by project, stage and source; pages stay full and in order', async () => {
    expectStatus(await tableOwner.post(`/api/v1/orgs/${tableOrg}/credentials`, { name: 'Org', roleArn: ARN('org') }), 201);
    expectStatus(await tableOwner.post(`/api/v1/orgs/${tableOrg}/credentials`, { name: 'P1', roleArn: ARN('p1'), projectId: p1 }), 201);
    const overridden = envs[4];
    if (!overridden) throw new Error('fixture');
    expectStatus(await tableOwner.put(`/api/v1/orgs/${tableOrg}/environments/${overridden.id}/override`, { roleArn: ARN('p2-prod') }), 201);

    const rows = await table('');
    expect(rows.map((r) => [r.id, r.effective?.source, r.effective?.roleArn])).toEqual(
      envs.map((e) => [e.id, e === overridden ? 'environment' : e.project === p1 ? 'project' : 'organization', e === overridden ? ARN('p2-prod') : e.project === p1 ? ARN('p1') : ARN('org')]),
    );
    const ids = (list: typeof envs) => list.map((e) => e.id);
    expect((await table(`&projectId=${p1}`)).map((r) => r.id)).toEqual(ids(envs.filter((e) => e.project === p1)));
    expect((await table('&stage=production')).map((r) => r.id)).toEqual(ids(envs.filter((e) => e.stage === 'production')));
    expect((await table(`&projectId=${p2}&stage=production`)).map((r) => r.id)).toEqual([overridden.id]);
    expect((await table('&source=environment')).map((r) => r.id)).toEqual([overridden.id]);
    expect((await table('&source=project')).map((r) => r.id)).toEqual(ids(envs.filter((e) => e.project === p1)));
    expect((await table('&source=organization')).map((r) => r.id)).toEqual(ids(envs.filter((e) => e.project !== p1 && e !== overridden)));
    expect(await table('&source=none')).toEqual([]);
  });

  it('environmentId gives that one row (effective null, not a 404, when nothing applies); another organization’s environment gives no row', async () => {
    const lone = (await createEnvironment(tableOwner, tableOrg, p2, 'staging')).id;
    const one = expectStatus(await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?environmentId=${lone}`), 200).json;
    expect(one.items.map((r: { id: string; effective: { source: string } | null }) => [r.id, r.effective?.source])).toEqual([[lone, 'organization']]);
    expect(one.nextCursor).toBeNull();
    const withOverride = envs[4];
    if (!withOverride) throw new Error('fixture');
    const row = expectStatus(await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?environmentId=${withOverride.id}&source=environment`), 200).json.items[0];
    expect(row.effective).toMatchObject({ source: 'environment', roleArn: ARN('p2-prod'), override: { version: 1 } });

    const b = await ownerWithOrg(server);
    const bProject = (await createProject(b.owner.client, b.org.id)).id;
    const bEnv = (await createEnvironment(b.owner.client, b.org.id, bProject)).id;
    expect(expectStatus(await b.owner.client.get(`/api/v1/orgs/${b.org.id}/effective-credentials?environmentId=${bEnv}`), 200).json.items).toEqual([{ id: bEnv, environment: expect.objectContaining({ id: bEnv }), effective: null }]);
    expect(expectStatus(await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?environmentId=${bEnv}`), 200).json.items).toEqual([]);
    const bad = await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?environmentId=x`);
    expectError(bad, 400, 'invalid_request');
    expect(bad.json.error.issues[0].path).toBe('environmentId');
  });

  it('bad filters → 400 naming the parameter; another organization sees none of these rows', async () => {
    for (const [query, field] of [
      ['stage=prod', 'stage'],
      ['source=env', 'source'],
      ['limit=0', 'limit'],
      ['projectId=x', 'projectId'],
    ]) {
      const r = await tableOwner.get(`/api/v1/orgs/${tableOrg}/effective-credentials?${query}`);
      expectError(r, 400, 'invalid_request');
      expect(r.json.error.issues[0].path).toBe(field);
    }
    const b = await ownerWithOrg(server);
    expectError(await b.owner.client.get(`/api/v1/orgs/${tableOrg}/effective-credentials`), 404, 'not_found');
    expect(expectStatus(await b.owner.client.get(`/api/v1/orgs/${b.org.id}/effective-credentials?projectId=${p1}`), 200).json.items).toEqual([]);
  });
});

describe('GET /api/v1/idp/aws (environment token)', () => {
  let envA: string;
  let envB: string;
  let tokenA: { id: string; token: string };
  let tokenB: { id: string; token: string };
  let projectSlug: string;
  const bearer = (t: string) => ({ headers: { Authorization: `Bearer ${t}` }, cookie: null });

  beforeAll(async () => {
    const project = await createProject(owner, orgId, unique('idp'));
    projectSlug = project.slug;
    envA = (await createEnvironment(owner, orgId, project.id, 'staging', 'alpha')).id;
    envB = (await createEnvironment(owner, orgId, project.id, 'production', 'beta')).id;
    tokenA = await createToken(owner, orgId, envA);
    tokenB = await createToken(owner, orgId, envB);
    // envA's project gets its own credential; envB an override on top.
    expectStatus(await owner.post(`${o()}/credentials`, { name: unique('idp'), roleArn: ARN('idp-project'), projectId: project.id, durationSeconds: 2700, region: 'us-west-2' }), 201);
    expectStatus(await owner.put(`${o()}/environments/${envB}/override`, { roleArn: ARN('idp-beta'), durationSeconds: 900 }), 201);
  });

  it('answers the calling environment’s own effective credential, with what the CLI needs', async () => {
    expect(expectStatus(await owner.get('/api/v1/idp/aws', bearer(tokenA.token)), 200).json).toEqual({
      environmentId: envA,
      source: 'project',
      roleArn: ARN('idp-project'),
      durationSeconds: 2700,
      audience: 'sts.amazonaws.com',
      region: 'us-west-2',
      roleSessionName: `${projectSlug}.alpha`,
    });
    expect(expectStatus(await owner.get('/api/v1/idp/aws', bearer(tokenB.token)), 200).json).toMatchObject({ environmentId: envB, source: 'environment', roleArn: ARN('idp-beta'), durationSeconds: 900, region: 'us-west-2' });
  });

  it('nothing effective → 404 no_credential that tells a workload what to do', async () => {
    const other = await ownerWithOrg(server);
    const project = await createProject(other.owner.client, other.org.id);
    const env = await createEnvironment(other.owner.client, other.org.id, project.id);
    const token = await createToken(other.owner.client, other.org.id, env.id);
    expect(expectError(await owner.get('/api/v1/idp/aws', bearer(token.token)), 404, 'no_credential').message).toMatch(/--role-arn/);
  });

  it('401 with the exact code: no token, not a bearer, a browser session alone, an unknown token, a revoked one', async () => {
    expectError(await owner.get('/api/v1/idp/aws', { cookie: null }), 401, 'unauthenticated');
    expectError(await owner.get('/api/v1/idp/aws'), 401, 'unauthenticated');
    expectError(await owner.get('/api/v1/idp/aws', { headers: { Authorization: `Basic ${tokenA.token}` }, cookie: null }), 401, 'unauthenticated');
    expectError(await owner.get('/api/v1/idp/aws', bearer(`tbe_${'Z'.repeat(43)}`)), 401, 'invalid_token');
    const doomed = await createToken(owner, orgId, envA, 'doomed');
    expectStatus(await owner.delete(`${o()}/environments/${envA}/tokens/${doomed.id}`), 204);
    expectError(await owner.get('/api/v1/idp/aws', bearer(doomed.token)), 401, 'token_revoked');
  });

  it('an environment token reads nothing else and edits nothing: the dashboard API answers 401 unauthenticated to it', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `${o()}/environments/${envB}/effective-credential`],
      ['GET', `${o()}/environments/${envA}/effective-credential`],
      ['GET', `${o()}/effective-credentials`],
      ['GET', `${o()}/credentials`],
      ['GET', `${o()}/environments/${envB}/override`],
      ['POST', `${o()}/credentials`, { name: unique('x'), roleArn: ARN('x') }],
      ['PUT', `${o()}/environments/${envA}/override`, { roleArn: ARN('stolen') }],
      ['DELETE', `${o()}/environments/${envB}/override?version=1`],
      ['POST', `${o()}/environments/${envA}/test-connection`, {}],
    ];
    for (const [method, path, body] of attempts) {
      const r = await owner.request(method, path, { ...bearer(tokenA.token), ...(body === undefined ? {} : { body }) });
      expectError(r, 401, 'unauthenticated');
    }
    expectError(await owner.get(`${o()}/environments/${envA}/override`), 404, 'no_override');
    expect(expectStatus(await owner.get(`${o()}/environments/${envB}/override`), 200).json.roleArn).toBe(ARN('idp-beta'));
  });

  it('every response parses with the shared zod schemas the dashboard uses (lib/schemas/credentials.ts)', async () => {
    expect(ZPage(ZDeploymentCredential).safeParse(expectStatus(await owner.get(`${o()}/credentials?limit=200`), 200).json).success).toBe(true);
    expect(ZEnvironmentOverride.safeParse(expectStatus(await owner.get(`${o()}/environments/${envB}/override`), 200).json).success).toBe(true);
    for (const env of [envA, envB]) expect(ZEffectiveCredential.safeParse(expectStatus(await owner.get(`${o()}/environments/${env}/effective-credential`), 200).json).error).toBeUndefined();
    expect(ZPage(ZEffectiveCredentialRow).safeParse(expectStatus(await owner.get(`${o()}/effective-credentials?limit=200`), 200).json).error).toBeUndefined();
    expect(ZIdpAws.strict().safeParse(expectStatus(await owner.get('/api/v1/idp/aws', bearer(tokenB.token)), 200).json).error).toBeUndefined();
  });

  it('other methods → 405 method_not_allowed', async () => {
    expectError(await owner.request('POST', '/api/v1/idp/aws', { ...bearer(tokenA.token), body: {} }), 405, 'method_not_allowed');
  });
});
