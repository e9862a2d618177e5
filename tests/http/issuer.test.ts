import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg, signedInAdmin, createOrg } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { verifyIndependently } from '../support/independent-verifier';
import { freePort, startServer, type RunningServer } from '../support/server';

const server = inject('server');
const CLAIMS = ['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti', 'org_id', 'org_slug', 'project_id', 'project_slug', 'environment_id', 'environment_slug', 'environment_stage'];

function decode(token: string) {
  const [h, p] = token.split('.');
  return { header: JSON.parse(Buffer.from(h ?? '', 'base64url').toString()), claims: JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown> };
}

async function setup(target: { url: string; publicUrl: string }) {
  const { owner, org } = await ownerWithOrg(target);
  const project = await createProject(owner.client, org.id, 'shop');
  const env = await createEnvironment(owner.client, org.id, project.id, 'production', 'live');
  const token = await createToken(owner.client, org.id, env.id);
  const workload = new TestClient(target.url, target.publicUrl);
  const issue = (body?: unknown) => workload.post('/api/v1/idp/token', body, { origin: null, headers: { Authorization: `Bearer ${token.token}` } });
  return { owner: owner.client, org, project, env, token, workload, issue };
}

describe('discovery and JWKS', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup(server);
  });

  it('discovery: issuer exactly {PUBLIC_URL}/oidc/{orgId}, the required members, algorithms of the published keys', async () => {
    const r = await s.workload.get(`/oidc/${s.org.id}/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.json).toEqual({
      issuer: `https://trustbridge.test/oidc/${s.org.id}`,
      jwks_uri: `https://trustbridge.test/oidc/${s.org.id}/.well-known/jwks.json`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid'],
      claims_supported: [...CLAIMS, 'https://aws.amazon.com/tags'],
    });
  });

  it('JWKS: kid, alg and use:"sig" on every key, no private members; ETag and 304; CORS preflight', async () => {
    const r = await s.workload.get(`/oidc/${s.org.id}/.well-known/jwks.json`);
    expect(r.status).toBe(200);
    for (const key of r.json.keys as Record<string, unknown>[]) {
      expect(key).toMatchObject({ kid: expect.any(String), alg: 'ES256', use: 'sig', kty: 'EC', crv: 'P-256' });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(secret);
    }
    const etag = String(r.headers.etag);
    expect((await s.workload.get(`/oidc/${s.org.id}/.well-known/jwks.json`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const preflight = await s.workload.request('OPTIONS', `/oidc/${s.org.id}/.well-known/jwks.json`, { headers: { Origin: 'https://console.aws.amazon.com', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('an unknown organization answers an OAuth-shaped 404 with no-store', async () => {
    for (const id of ['01m8474fmb8q3dvcafhgt5c8g9', 'not-an-org']) {
      const r = await s.workload.get(`/oidc/${id}/.well-known/openid-configuration`);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ error: 'not_found', error_description: expect.any(String) });
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('the token endpoint', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup(server);
  });

  it('issues a token with exactly the documented header and claims', async () => {
    const r = await s.issue();
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const { header, claims } = decode(r.json.token);
    expect(header).toEqual({ alg: 'ES256', kid: expect.any(String), typ: 'JWT' });
    expect(Object.keys(claims)).toEqual(CLAIMS);
    expect(claims).toMatchObject({
      iss: `https://trustbridge.test/oidc/${s.org.id}`,
      sub: `org:${s.org.id}:project:shop:environment:live`,
      aud: 'sts.amazonaws.com',
      org_id: s.org.id,
      org_slug: s.org.slug,
      project_id: s.project.id,
      project_slug: 'shop',
      environment_id: s.env.id,
      environment_slug: 'live',
      environment_stage: 'production',
    });
    expect(claims.nbf).toBe(claims.iat);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5);
    expect(r.json.expiresAt).toBe(new Date(Number(claims.exp) * 1000).toISOString());
  });

  it.each(['pyjwt', 'joserfc'] as const)('%s verifies it through discovery + JWKS (ES256, then RS256 after switching the org)', async (library) => {
    const local = await setup(server);
    const docs = async () => ({
      discovery: (await local.workload.get(`/oidc/${local.org.id}/.well-known/openid-configuration`)).json,
      jwks: (await local.workload.get(`/oidc/${local.org.id}/.well-known/jwks.json`)).json,
    });
    const es = (await local.issue()).json.token as string;
    expect(verifyIndependently(library, await docs(), 'sts.amazonaws.com', es)).toMatchObject({ ok: true, claims: { sub: `org:${local.org.id}:project:shop:environment:live` } });
    const settings = expectStatus(await local.owner.get(`/api/v1/orgs/${local.org.id}/issuer`), 200).json;
    expectStatus(await local.owner.patch(`/api/v1/orgs/${local.org.id}/issuer`, { algorithm: 'RS256', version: settings.version }), 200);
    expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/issuer/keys/rotate`, { leadHours: 0 }), 201);
    const rs = (await local.issue()).json.token as string;
    expect(decode(rs).header.alg).toBe('RS256');
    const both = await docs();
    expect((both.discovery as { id_token_signing_alg_values_supported: string[] }).id_token_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
    expect(verifyIndependently(library, both, 'sts.amazonaws.com', rs)).toMatchObject({ ok: true });
    expect(verifyIndependently(library, both, 'sts.amazonaws.com', es)).toMatchObject({ ok: true });
    // The other organization's keys never verify these tokens.
    const other = await setup(server);
    const otherDocs = { discovery: { ...(both.discovery as object), issuer: `https://trustbridge.test/oidc/${local.org.id}` }, jwks: (await other.workload.get(`/oidc/${other.org.id}/.well-known/jwks.json`)).json };
    expect(verifyIndependently(library, otherDocs, 'sts.amazonaws.com', es).ok).toBe(false);
  }, 60_000);

  it('audience: default sts.amazonaws.com, configured extra audiences work, anything else → 400 audience_not_allowed', async () => {
    const settings = expectStatus(await s.owner.get(`/api/v1/orgs/${s.org.id}/issuer`), 200).json;
    expectStatus(await s.owner.patch(`/api/v1/orgs/${s.org.id}/issuer`, { audiences: ['sts.amazonaws.com', 'api://deploy'], version: settings.version }), 200);
    expect(decode((await s.issue({ audience: 'api://deploy' })).json.token).claims.aud).toBe('api://deploy');
    const refused = await s.issue({ audience: 'https://evil.example' });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('audience_not_allowed');
  });

  it('lifetime follows the org setting (1–60 minutes); out-of-range settings are refused', async () => {
    const version = () => s.owner.get(`/api/v1/orgs/${s.org.id}/issuer`).then((r) => r.json.version as number);
    for (const bad of [59, 3601, 0]) {
      const r = await s.owner.patch(`/api/v1/orgs/${s.org.id}/issuer`, { tokenLifetimeSeconds: bad, version: await version() });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }
    for (const good of [60, 3600]) {
      expectStatus(await s.owner.patch(`/api/v1/orgs/${s.org.id}/issuer`, { tokenLifetimeSeconds: good, version: await version() }), 200);
      await new Promise((r) => setTimeout(r, 50));
      const { claims } = decode((await s.issue()).json.token);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(good);
    }
  });

  it('session tags: the AWS tag claim appears when enabled', async () => {
    const local = await setup(server);
    const settings = expectStatus(await local.owner.get(`/api/v1/orgs/${local.org.id}/issuer`), 200).json;
    expectStatus(await local.owner.patch(`/api/v1/orgs/${local.org.id}/issuer`, { sessionTags: true, version: settings.version }), 200);
    const { claims } = decode((await local.issue()).json.token);
    expect(claims['https://aws.amazon.com/tags']).toEqual({
      principal_tags: { org_id: [local.org.id], project: ['shop'], environment: ['live'], stage: ['production'] },
      transitive_tag_keys: ['org_id', 'project', 'environment', 'stage'],
    });
  });

  it('a custom subject template needs confirmation, escapes nothing it need not, and shows in new tokens', async () => {
    const local = await setup(server);
    const settings = expectStatus(await local.owner.get(`/api/v1/orgs/${local.org.id}/issuer`), 200).json;
    const template = ['org', 'stage', 'environment_id'];
    const unconfirmed = await local.owner.patch(`/api/v1/orgs/${local.org.id}/issuer`, { subjectTemplate: template, version: settings.version });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.json.error.code).toBe('confirmation_required');
    const preview = expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/issuer/subject-preview`, { subjectTemplate: template }), 200).json;
    expect(preview.environments).toEqual([
      expect.objectContaining({ environmentId: local.env.id, before: `org:${local.org.id}:project:shop:environment:live`, after: `org:${local.org.id}:stage:production:environment_id:${local.env.id}` }),
    ]);
    expect((await local.owner.patch(`/api/v1/orgs/${local.org.id}/issuer`, { subjectTemplate: ['project', 'org'], confirmSubjectChange: true, version: settings.version })).status).toBe(400);
    expectStatus(await local.owner.patch(`/api/v1/orgs/${local.org.id}/issuer`, { subjectTemplate: template, confirmSubjectChange: true, version: settings.version }), 200);
    expect(decode((await local.issue()).json.token).claims.sub).toBe(`org:${local.org.id}:stage:production:environment_id:${local.env.id}`);
  });

  it('every jti is unique, and every issuance is audited — also under 50 concurrent requests', async () => {
    const local = await setup(server);
    const results = await Promise.all(Array.from({ length: 50 }, () => local.issue()));
    // The default rate limit (20/s, bursts of 40) refuses some: those get no token and no audit row.
    const issued = results.filter((r) => r.status === 200);
    expect(issued.length).toBeGreaterThanOrEqual(40);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 429)).toBe(true);
    const jtis = issued.map((r) => decode(r.json.token).claims.jti as string);
    expect(new Set(jtis).size).toBe(issued.length);
    const audit = expectStatus(await local.owner.get(`/api/v1/orgs/${local.org.id}/audit?action=id_token.issue&limit=200`), 200).json.items as { target: { label: string }; actor: { type: string; id: string }; after: { audience: string; expiresAt: string } }[];
    expect(audit.map((e) => e.target.label).sort()).toEqual([...jtis].sort());
    expect(audit[0]).toMatchObject({ actor: { type: 'environment', id: local.env.id }, after: { audience: 'sts.amazonaws.com', expiresAt: expect.any(String) } });
  });

  it('refuses bad requests with exact codes', async () => {
    const w = s.workload;
    const post = (options: Parameters<TestClient['request']>[2]) => w.request('POST', '/api/v1/idp/token', { origin: null, ...options });
    const cases: [Parameters<TestClient['request']>[2], number, string][] = [
      [{}, 401, 'unauthenticated'],
      [{ headers: { Authorization: 'Basic abc' } }, 401, 'unauthenticated'],
      [{ headers: { Authorization: 'Bearer tbe_garbage' } }, 401, 'invalid_token'],
      [{ headers: { Authorization: `Bearer tbe_${'A'.repeat(43)}` } }, 401, 'invalid_token'],
      [{ headers: { Authorization: `Bearer ${s.token.token}` }, rawBody: '{"audience":', contentType: 'application/json' }, 400, 'invalid_json'],
      [{ headers: { Authorization: `Bearer ${s.token.token}` }, body: { audience: 'sts.amazonaws.com', extra: 1 } }, 400, 'invalid_request'],
      [{ headers: { Authorization: `Bearer ${s.token.token}` }, rawBody: 'audience=x', contentType: 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
      [{ headers: { Authorization: `Bearer ${s.token.token}` }, body: { audience: 'x'.repeat(5000) } }, 413, 'payload_too_large'],
    ];
    for (const [options, status, code] of cases) {
      const r = await post(options);
      expect(r.status, JSON.stringify(options).slice(0, 100)).toBe(status);
      expect(r.json.error.code).toBe(code);
      if (status === 401) expect(String(r.headers['www-authenticate'])).toMatch(/^Bearer /);
    }
    expect((await w.get('/api/v1/idp/token')).status).toBe(405);
  });

  it('revoked and expired environment tokens stop working (401 token_revoked / token_expired)', async () => {
    const local = await setup(server);
    expect((await local.issue()).status).toBe(200);
    expectStatus(await local.owner.delete(`/api/v1/orgs/${local.org.id}/environments/${local.env.id}/tokens/${local.token.id}`), 204);
    const revoked = await local.issue();
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.code).toBe('token_revoked');
    const shortLived = expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/environments/${local.env.id}/tokens`, { name: 'short', expiresAt: new Date(Date.now() + 2500).toISOString() }), 201).json;
    const call = () => local.workload.post('/api/v1/idp/token', undefined, { origin: null, headers: { Authorization: `Bearer ${shortLived.token}` } });
    expect((await call()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2700));
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('token_expired');
  });
});

describe('rate limit per environment', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer({ env: { TRUSTBRIDGE_TOKEN_RATE_LIMIT: '2' } });
  }, 60_000);
  afterAll(() => limited.stop());

  it('answers 429 rate_limited with Retry-After once an environment exceeds its budget; another environment is unaffected', async () => {
    const a = await setup(limited);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await a.issue());
    expect(results.slice(0, 4).every((r) => r.status === 200)).toBe(true);
    const refused = results.find((r) => r.status === 429);
    expect(refused?.json.error.code).toBe('rate_limited');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const b = await setup(limited);
    expect((await b.issue()).status).toBe(200);
  });
});

describe('PyJWT fetching discovery and JWKS over HTTP itself', () => {
  let direct: RunningServer;
  beforeAll(async () => {
    const port = await freePort();
    direct = await startServer({ port, publicUrl: `http://127.0.0.1:${port}` });
  }, 60_000);
  afterAll(() => direct.stop());

  it('verifies the token from the issuer URL alone', async () => {
    const s = await setup(direct);
    const token = (await s.issue()).json.token as string;
    const issuer = `${direct.publicUrl}/oidc/${s.org.id}`;
    const result = verifyIndependently('pyjwt', `${issuer}/.well-known/openid-configuration`, 'sts.amazonaws.com', token);
    expect(result).toMatchObject({ ok: true, claims: { iss: issuer } });
    expect(verifyIndependently('pyjwt', `${issuer}/.well-known/openid-configuration`, 'another-audience', token).ok).toBe(false);
  });
});

describe('an organization without members cannot be reached through the issuer by another org', () => {
  it('org A’s token is not accepted as org B’s', async () => {
    const admin = await signedInAdmin(server);
    const orgB = await createOrg(admin);
    const a = await setup(server);
    const token = (await a.issue()).json.token as string;
    const bDocs = { discovery: (await a.workload.get(`/oidc/${orgB.id}/.well-known/openid-configuration`)).json, jwks: (await a.workload.get(`/oidc/${orgB.id}/.well-known/jwks.json`)).json };
    const result = verifyIndependently('pyjwt', bDocs, 'sts.amazonaws.com', token);
    expect(result.ok).toBe(false);
  });
});
