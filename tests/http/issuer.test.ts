import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrg, expectStatus, signedInAdmin } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import {
  DEFAULT_CLAIMS,
  decodeJwt,
  issuanceAuditEvents,
  issuerFixture,
  issueWith,
  kidOf,
  PRIVATE_JWK_MEMBERS,
  sharedServerDatabase,
  signatureVerifiesWith,
  sleep,
  TAGS_CLAIM,
  type IssuerFixture,
  type Jwk,
} from '../support/issuer-kit';
import { LIBRARIES, verifyBatch, verifyViaDiscovery } from '../support/relying-party';
import { freePort, startServer, type RunningServer } from '../support/server';

// Issue 3 — the per-organization OpenID Connect issuer, end to end against the production build:
// discovery and JWKS, the token endpoint's claims and refusals, verification by implementations
// that are not ours (PyJWT, joserfc), audit per issuance, rate limiting, isolation between orgs.
// Rotation, replicas, key material, key lifecycle and the CLI have their own files.

const server = inject('server');
const issuerOf = (orgId: string) => `${server.publicUrl}/oidc/${orgId}`;
const sortedKeys = (o: object) => Object.keys(o).sort();

function expectPublicJwk(key: Jwk, alg: 'ES256' | 'RS256') {
  expect(key.kid).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  expect(key.alg).toBe(alg);
  expect(key.use).toBe('sig');
  for (const secret of PRIVATE_JWK_MEMBERS) expect(key, `private member ${secret}`).not.toHaveProperty(secret);
  if (alg === 'ES256') expect(sortedKeys(key)).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  else {
    expect(sortedKeys(key)).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(Buffer.from(String(key.n), 'base64url').length * 8).toBeGreaterThanOrEqual(2048);
  }
  expect(key.kty).toBe(alg === 'ES256' ? 'EC' : 'RSA');
}

describe('discovery and JWKS', () => {
  let f: IssuerFixture;
  beforeAll(async () => {
    f = await issuerFixture(server, { projectSlug: 'shop', envSlug: 'live' });
  });

  it('discovery: the exact document, issuer = {PUBLIC_URL}/oidc/{orgId} whatever Host / X-Forwarded-Host the request carries', async () => {
    const issuer = issuerOf(f.org.id);
    expect(issuer).toBe(`https://trustbridge.test/oidc/${f.org.id}`);
    const expected = {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid'],
      claims_supported: [...DEFAULT_CLAIMS, TAGS_CLAIM],
    };
    const spoofs: Record<string, string>[] = [
      {},
      { Host: 'evil.example' },
      { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' },
      { Host: 'attacker.test:8443', 'X-Forwarded-Host': 'attacker.test', 'X-Forwarded-Port': '8443', Forwarded: 'host=attacker.test;proto=http' },
    ];
    for (const headers of spoofs) {
      const r = await f.workload.get(`/oidc/${f.org.id}/.well-known/openid-configuration`, { headers });
      expect(r.status, JSON.stringify(headers)).toBe(200);
      expect(r.json, JSON.stringify(headers)).toEqual(expected);
      // The token's iss does not follow the Host either.
      const token = expectStatus(await issueWith(f.workload, f.token.token, undefined, headers), 200).json.token as string;
      expect(decodeJwt(token).claims.iss).toBe(issuer);
    }
    const keys = (await f.jwks()).keys;
    expect(expected.id_token_signing_alg_values_supported).toEqual([...new Set(keys.map((k) => k.alg))].sort());
  });

  it('both documents: JSON, public max-age caching, CORS *, ETag with 304, HEAD, OPTIONS preflight; other methods 405', async () => {
    for (const document of ['openid-configuration', 'jwks.json']) {
      const url = `/oidc/${f.org.id}/.well-known/${document}`;
      const r = await f.workload.get(url);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json(;|$)/);
      const maxAge = /^public, max-age=(\d+)$/.exec(String(r.headers['cache-control']))?.[1];
      expect(Number(maxAge), String(r.headers['cache-control'])).toBeGreaterThan(0);
      // AWS and other verifiers cache the JWKS this long: keep it short so revocations propagate.
      expect(Number(maxAge)).toBeLessThanOrEqual(300);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      const etag = String(r.headers.etag);
      expect(etag).toMatch(/^"[^"]+"$/);

      const notModified = await f.workload.get(url, { headers: { 'If-None-Match': etag } });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.etag).toBe(etag);
      expect(notModified.headers['access-control-allow-origin']).toBe('*');
      expect((await f.workload.get(url, { headers: { 'If-None-Match': `"other", ${etag}` } })).status).toBe(304);
      const changed = await f.workload.get(url, { headers: { 'If-None-Match': '"not-the-current-etag"' } });
      expect(changed.status).toBe(200);
      expect(changed.text).toBe(r.text);

      const head = await f.workload.request('HEAD', url);
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.etag).toBe(etag);

      const preflight = await f.workload.request('OPTIONS', url, { headers: { Origin: 'https://console.aws.amazon.com', 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(String(preflight.headers['access-control-allow-methods']).split(/,\s*/)).toContain('GET');

      const post = await f.workload.post(url, {}, { origin: null });
      expect(post.status).toBe(405);
      expect(post.json.error.code).toBe('method_not_allowed');
    }
  });

  it('the ETag changes when the published keys change (a stale validator gets the new document)', async () => {
    const local = await issuerFixture(server);
    const url = `/oidc/${local.org.id}/.well-known/jwks.json`;
    const before = await local.workload.get(url);
    expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/issuer/keys/rotate`, { leadHours: 24 }), 201);
    const after = await local.workload.get(url, { headers: { 'If-None-Match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json.keys).toHaveLength(2);
  });

  it('JWKS: every key has kid, alg and use "sig", and only public members', async () => {
    const { keys } = await f.jwks();
    expect(keys).toHaveLength(1);
    for (const key of keys) expectPublicJwk(key, 'ES256');
    expect(key0Kid(keys)).toBe(decodeJwt(await f.mint()).header.kid);
  });

  it('an unknown organization: 404 OAuth-shaped error with no-store, for both documents', async () => {
    for (const id of ['01m8474fmb8q3dvcafhgt5c8g9', 'not-an-org', 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ']) {
      for (const document of ['openid-configuration', 'jwks.json']) {
        const r = await f.workload.get(`/oidc/${id}/.well-known/${document}`);
        expect(r.status).toBe(404);
        expect(r.json).toEqual({ error: 'not_found', error_description: expect.any(String) });
        expect(r.headers['cache-control']).toBe('no-store');
        expect(r.headers['content-type']).toMatch(/^application\/json/);
      }
    }
  });
});

function key0Kid(keys: Jwk[]): string {
  const [first] = keys;
  if (!first) throw new Error('empty JWKS');
  return first.kid;
}

describe('tokens, verified by PyJWT and joserfc through discovery + JWKS', () => {
  it('an ES256 org, then the same org switched to RS256 (PATCH algorithm, rotate leadHours 0): both verify; discovery lists exactly the published algorithms', async () => {
    const f = await issuerFixture(server);
    const issuer = issuerOf(f.org.id);
    const es = await f.mint();
    expect(decodeJwt(es).header.alg).toBe('ES256');
    const esOnly = await f.jwks();
    expect((await f.discovery()).id_token_signing_alg_values_supported).toEqual(['ES256']);

    const patched = expectStatus(await f.patchIssuer({ algorithm: 'RS256' }), 200).json;
    expect(patched.algorithm).toBe('RS256');
    // The setting alone does not change the signing key: the next key will be RS256.
    expect(decodeJwt(await f.mint()).header.alg).toBe('ES256');
    const rotated = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/issuer/keys/rotate`, { leadHours: 0 }), 201).json as { kid: string };
    const rs = await f.mint();
    expect(decodeJwt(rs).header).toEqual({ alg: 'RS256', kid: rotated.kid, typ: 'JWT' });

    const transition = await f.jwks();
    expect(transition.keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const key of transition.keys) expectPublicJwk(key, key.alg as 'ES256' | 'RS256');
    expect(new Set(transition.keys.map((k) => k.kid)).size).toBe(2);
    const discovery = await f.discovery();
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
    expect(discovery.issuer).toBe(issuer);

    // A token whose payload was altered, and an unsigned one, must be refused by the same verifier.
    const [h, , s] = es.split('.');
    const forgedClaims = { ...decodeJwt(es).claims, sub: `org:${f.org.id}:project:other:environment:prod` };
    const tampered = `${h}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${s}`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: decodeJwt(es).header.kid, typ: 'JWT' })).toString('base64url')}.${es.split('.')[1]}.`;

    for (const library of LIBRARIES) {
      expect(verifyBatch(library, discovery.issuer, 'sts.amazonaws.com', [
        { token: es, jwks: esOnly },
        { token: es, jwks: transition },
        { token: rs, jwks: transition },
      ]), library).toEqual([null, null, null]);
      const refused = verifyBatch(library, discovery.issuer, 'sts.amazonaws.com', [
        { token: rs, jwks: esOnly }, // the RS256 key was not published yet
        { token: tampered, jwks: transition },
        { token: unsigned, jwks: transition },
      ]);
      for (const reason of refused) expect(reason, library).toEqual(expect.any(String));
      expect(verifyBatch(library, discovery.issuer, 'another-audience', [{ token: rs, jwks: transition }])[0], library).toMatch(/aud/i);
      expect(verifyBatch(library, `${server.publicUrl}/oidc/01m8474fmb8q3dvcafhgt5c8g9`, 'sts.amazonaws.com', [{ token: es, jwks: transition }])[0], library).toMatch(/iss/i);
    }
  }, 60_000);
});

describe('the ID token', () => {
  let f: IssuerFixture;
  beforeAll(async () => {
    f = await issuerFixture(server, { projectSlug: 'shop', envSlug: 'live', stage: 'production' });
  });

  it('header {alg, kid, typ:"JWT"}; exactly the documented claims with the documented values; 10-minute default lifetime', async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await f.issue();
    const after = Math.ceil(Date.now() / 1000);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(sortedKeys(r.json)).toEqual(['expiresAt', 'token']);
    const { header, claims } = decodeJwt(r.json.token);
    const { keys } = await f.jwks();
    expect(header).toEqual({ alg: 'ES256', kid: key0Kid(keys), typ: 'JWT' });
    expect(sortedKeys(claims)).toEqual([...DEFAULT_CLAIMS].sort());
    expect(claims).toEqual({
      iss: issuerOf(f.org.id),
      sub: `org:${f.org.id}:project:shop:environment:live`,
      aud: 'sts.amazonaws.com',
      iat: expect.any(Number),
      nbf: claims.iat,
      exp: Number(claims.iat) + 600,
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/),
      org_id: f.org.id,
      org_slug: f.org.slug,
      project_id: f.project.id,
      project_slug: 'shop',
      environment_id: f.env.id,
      environment_slug: 'live',
      environment_stage: 'production',
    });
    expect(Number(claims.iat)).toBeGreaterThanOrEqual(before - 1);
    expect(Number(claims.iat)).toBeLessThanOrEqual(after);
    expect(r.json.expiresAt).toBe(new Date(Number(claims.exp) * 1000).toISOString());
  });

  it('session tags on: the AWS tags claim with one-element arrays and transitive keys, and nothing else; off again: gone', async () => {
    const local = await issuerFixture(server, { projectSlug: 'tags', envSlug: 'blue', stage: 'staging' });
    expectStatus(await local.patchIssuer({ sessionTags: true }), 200);
    const { claims } = decodeJwt(await local.mint());
    expect(sortedKeys(claims)).toEqual([...DEFAULT_CLAIMS, TAGS_CLAIM].sort());
    expect(claims[TAGS_CLAIM]).toEqual({
      principal_tags: { org_id: [local.org.id], project: ['tags'], environment: ['blue'], stage: ['staging'] },
      transitive_tag_keys: ['org_id', 'project', 'environment', 'stage'],
    });
    expectStatus(await local.patchIssuer({ sessionTags: false }), 200);
    expect(sortedKeys(decodeJwt(await local.mint()).claims)).toEqual([...DEFAULT_CLAIMS].sort());
  });

  it('subject template: 409 confirmation_required without confirmation; the preview shows before/after; the confirmed change reaches new tokens; org must stay first', async () => {
    const local = await issuerFixture(server, { projectSlug: 'shop', envSlug: 'live' });
    const template = ['org', 'stage', 'environment_id'];
    const unconfirmed = await local.patchIssuer({ subjectTemplate: template });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.json.error.code).toBe('confirmation_required');
    const explicitNo = await local.patchIssuer({ subjectTemplate: template, confirmSubjectChange: false });
    expect(explicitNo.status).toBe(409);
    expect(explicitNo.json.error.code).toBe('confirmation_required');
    // Nothing changed yet.
    expect(decodeJwt(await local.mint()).claims.sub).toBe(`org:${local.org.id}:project:shop:environment:live`);

    const preview = expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/issuer/subject-preview`, { subjectTemplate: template }), 200).json;
    expect(preview.changed).toBe(true);
    expect(preview.environments).toEqual([
      { environmentId: local.env.id, name: expect.any(String), projectSlug: 'shop', slug: 'live', before: `org:${local.org.id}:project:shop:environment:live`, after: `org:${local.org.id}:stage:production:environment_id:${local.env.id}` },
    ]);

    for (const bad of [['project', 'org'], ['org', 'org'], ['org', 'branch'], []]) {
      const r = await local.patchIssuer({ subjectTemplate: bad, confirmSubjectChange: true });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }
    const saved = expectStatus(await local.patchIssuer({ subjectTemplate: template, confirmSubjectChange: true }), 200).json;
    expect(saved.subjectTemplate).toEqual(template);
    expect(decodeJwt(await local.mint()).claims.sub).toBe(`org:${local.org.id}:stage:production:environment_id:${local.env.id}`);
    // The same template again is no change: no confirmation needed.
    expect((await local.patchIssuer({ subjectTemplate: template })).status).toBe(200);
  });

  it('subject values escape % as %25 and : as %3A (a stage holding both, written straight to the database)', async () => {
    const local = await issuerFixture(server, { projectSlug: 'esc', envSlug: 'edge' });
    expectStatus(await local.patchIssuer({ subjectTemplate: ['org', 'stage', 'environment'], confirmSubjectChange: true, sessionTags: true }), 200);
    // Stages are an enum in the API; ids and slugs cannot hold ":" or "%". The database can.
    const stage = 'qa:eu%1:org:forged';
    const db = sharedServerDatabase();
    try {
      expect(await db.run('UPDATE "Environment" SET "stage" = ? WHERE "id" = ?', [stage, local.env.id])).toBe(1);
    } finally {
      await db.close();
    }
    await local.addEnvironment('production', 'unused'); // the preview then lists two environments
    const token = await local.owner.post(`/api/v1/orgs/${local.org.id}/environments/${local.env.id}/tokens`, { name: 'escape' });
    const { claims } = decodeJwt(expectStatus(await issueWith(local.workload, expectStatus(token, 201).json.token, undefined), 200).json.token);
    const escaped = 'qa%3Aeu%251%3Aorg%3Aforged';
    expect(claims.sub).toBe(`org:${local.org.id}:stage:${escaped}:environment:edge`);
    // Split on ":" the subject still has exactly its label:value pairs — a value cannot forge a label.
    expect(String(claims.sub).split(':')).toEqual(['org', local.org.id, 'stage', escaped, 'environment', 'edge']);
    expect(decodeURIComponent(escaped)).toBe(stage);
    // Raw values where no separator is involved.
    expect(claims.environment_stage).toBe(stage);
    expect((claims[TAGS_CLAIM] as { principal_tags: { stage: string[] } }).principal_tags.stage).toEqual([stage]);
    const preview = expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/issuer/subject-preview`, { subjectTemplate: ['org', 'environment', 'stage'] }), 200).json;
    const row = (preview.environments as { environmentId: string; before: string; after: string }[]).find((e) => e.environmentId === local.env.id);
    expect(row).toMatchObject({ before: claims.sub, after: `org:${local.org.id}:environment:edge:stage:${escaped}` });
  });

  it('lifetime: 60 and 3600 seconds are used as set; 59, 3601 and 0 → 400 invalid_request and the setting is unchanged', async () => {
    const local = await issuerFixture(server);
    const lifetime = (token: string) => Number(decodeJwt(token).claims.exp) - Number(decodeJwt(token).claims.iat);
    expect(lifetime(await local.mint())).toBe(600);
    for (const bad of [59, 3601, 0, 600.5]) {
      const r = await local.patchIssuer({ tokenLifetimeSeconds: bad });
      expect(r.status, String(bad)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }
    expect(lifetime(await local.mint())).toBe(600);
    for (const good of [60, 3600]) {
      expect(expectStatus(await local.patchIssuer({ tokenLifetimeSeconds: good }), 200).json.tokenLifetimeSeconds).toBe(good);
      const r = expectStatus(await local.issue(), 200).json;
      expect(lifetime(r.token)).toBe(good);
      expect(Date.parse(r.expiresAt) - Number(decodeJwt(r.token).claims.iat) * 1000).toBe(good * 1000);
    }
  });

  it('audience: default sts.amazonaws.com; a configured extra audience is issued and verifies only for itself; anything else → 400 audience_not_allowed', async () => {
    const local = await issuerFixture(server);
    expect(decodeJwt(await local.mint()).claims.aud).toBe('sts.amazonaws.com');
    expect(decodeJwt(await local.mint({ audience: 'sts.amazonaws.com' })).claims.aud).toBe('sts.amazonaws.com');
    const notYet = await local.issue({ audience: 'api://deploy' });
    expect(notYet.status).toBe(400);
    expect(notYet.json.error.code).toBe('audience_not_allowed');

    expectStatus(await local.patchIssuer({ audiences: ['sts.amazonaws.com', 'api://deploy'] }), 200);
    const custom = await local.mint({ audience: 'api://deploy' });
    const { claims } = decodeJwt(custom);
    expect(claims.aud).toBe('api://deploy');
    expect(typeof claims.aud).toBe('string');
    const docs = await local.jwks();
    for (const library of LIBRARIES) {
      expect(verifyBatch(library, issuerOf(local.org.id), 'api://deploy', [{ token: custom, jwks: docs }]), library).toEqual([null]);
      expect(verifyBatch(library, issuerOf(local.org.id), 'sts.amazonaws.com', [{ token: custom, jwks: docs }])[0], library).toMatch(/aud/i);
    }
    for (const audience of ['https://evil.example', 'API://DEPLOY', 'sts.amazonaws.com/', 'api://deploy/x']) {
      const r = await local.issue({ audience });
      expect(r.status, audience).toBe(400);
      expect(r.json.error.code, audience).toBe('audience_not_allowed');
      expect(r.json.token).toBeUndefined();
    }
    expectStatus(await local.patchIssuer({ audiences: ['sts.amazonaws.com'] }), 200);
    const removed = await local.issue({ audience: 'api://deploy' });
    expect(removed.status).toBe(400);
    expect(removed.json.error.code).toBe('audience_not_allowed');
  });
});

describe('uniqueness and audit', () => {
  it('200 tokens in four waves of 50 concurrent requests: 200 distinct jti, exactly one audit row per token with its jti, environment, audience, key and expiry', async () => {
    const f = await issuerFixture(server);
    expectStatus(await f.patchIssuer({ audiences: ['sts.amazonaws.com', 'api://audit'] }), 200);
    const envs = [{ env: f.env, issue: (body?: unknown) => f.issue(body) }, ...(await Promise.all([1, 2, 3, 4].map(() => f.addEnvironment())))];
    const issued: { token: string; envId: string; audience: string }[] = [];
    for (let wave = 0; wave < 4; wave++) {
      const requests = Array.from({ length: 50 }, (_, i) => {
        const target = envs[i % envs.length];
        if (!target) throw new Error('no environment');
        const audience = i % 2 === 0 ? 'sts.amazonaws.com' : 'api://audit';
        return target.issue({ audience }).then((r) => ({ r, envId: target.env.id, audience }));
      });
      for (const { r, envId, audience } of await Promise.all(requests)) {
        expect(r.status, r.text).toBe(200);
        issued.push({ token: r.json.token, envId, audience });
      }
    }
    expect(issued).toHaveLength(200);
    const decoded = issued.map((i) => ({ ...i, ...decodeJwt(i.token) }));
    const jtis = decoded.map((d) => String(d.claims.jti));
    expect(new Set(jtis).size).toBe(200);

    const events = await issuanceAuditEvents(f.owner, f.org.id);
    expect(events).toHaveLength(200);
    const byJti = new Map(events.map((e) => [e.target.label, e]));
    expect(byJti.size).toBe(200);
    for (const d of decoded) {
      const event = byJti.get(String(d.claims.jti));
      expect(event, `audit row of ${String(d.claims.jti)}`).toBeDefined();
      expect(event?.actor).toMatchObject({ type: 'environment', id: d.envId });
      expect(d.claims.environment_id).toBe(d.envId);
      expect(d.claims.aud).toBe(d.audience);
      expect(event?.after).toMatchObject({ audience: d.audience, kid: d.header.kid, expiresAt: new Date(Number(d.claims.exp) * 1000).toISOString() });
    }
  }, 60_000);
});

describe('refusals', () => {
  let f: IssuerFixture;
  beforeAll(async () => {
    f = await issuerFixture(server);
  });

  it('missing or garbage credentials → 401 unauthenticated / invalid_token with a WWW-Authenticate: Bearer challenge', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'unauthenticated'],
      [{ Authorization: '' }, 'unauthenticated'],
      [{ Authorization: 'Bearer' }, 'unauthenticated'],
      [{ Authorization: 'Basic dXNlcjpwYXNz' }, 'unauthenticated'],
      [{ Authorization: `Token ${f.token.token}` }, 'unauthenticated'],
      [{ Authorization: 'Bearer tbe_garbage' }, 'invalid_token'],
      [{ Authorization: `Bearer tbe_${'A'.repeat(43)}` }, 'invalid_token'],
      [{ Authorization: `Bearer ${f.token.token.slice(0, -1)}${f.token.token.endsWith('A') ? 'B' : 'A'}` }, 'invalid_token'],
      [{ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' }, 'invalid_token'],
    ];
    for (const [headers, code] of cases) {
      const r = await f.workload.post('/api/v1/idp/token', undefined, { origin: null, headers });
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.json.error.code, JSON.stringify(headers)).toBe(code);
      expect(String(r.headers['www-authenticate']), JSON.stringify(headers)).toMatch(/^Bearer( |$)/);
      if (code === 'invalid_token') expect(String(r.headers['www-authenticate'])).toContain('error="invalid_token"');
      expect(r.json.token).toBeUndefined();
    }
  });

  it('bad bodies → 400 invalid_json / invalid_request, 415 for another content type, 413 over the size limit; GET → 405; none of them issues or audits', async () => {
    const auth = { Authorization: `Bearer ${f.token.token}` };
    const post = (options: Parameters<TestClient['request']>[2]) => f.workload.request('POST', '/api/v1/idp/token', { origin: null, ...options, headers: { ...auth, ...options?.headers } });
    const big = JSON.stringify({ audience: 'x'.repeat(8 * 1024) });
    const cases: [Parameters<TestClient['request']>[2], number, string][] = [
      [{ rawBody: '{"audience":', contentType: 'application/json' }, 400, 'invalid_json'],
      [{ rawBody: 'audience=sts.amazonaws.com', contentType: 'application/json' }, 400, 'invalid_json'],
      [{ body: { audience: 'sts.amazonaws.com', extra: 1 } }, 400, 'invalid_request'],
      [{ body: { aud: 'sts.amazonaws.com' } }, 400, 'invalid_request'],
      [{ body: { audience: 5 } }, 400, 'invalid_request'],
      [{ body: { audience: '' } }, 400, 'invalid_request'],
      [{ body: ['sts.amazonaws.com'] }, 400, 'invalid_request'],
      [{ rawBody: 'audience=sts.amazonaws.com', contentType: 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
      [{ rawBody: '{"audience":"sts.amazonaws.com"}', contentType: 'text/plain' }, 415, 'unsupported_media_type'],
      [{ rawBody: '{"audience":"sts.amazonaws.com"}', contentType: null }, 415, 'unsupported_media_type'],
      [{ rawBody: big, contentType: 'application/json' }, 413, 'payload_too_large'],
      // Without a Content-Length: the limit is enforced while reading.
      [{ rawBody: big, contentType: 'application/json', headers: { 'Transfer-Encoding': 'chunked' } }, 413, 'payload_too_large'],
      [{ rawBody: 'x'.repeat(2 * 1024 * 1024), contentType: 'application/json' }, 413, 'payload_too_large'],
    ];
    for (const [options, status, code] of cases) {
      const label = JSON.stringify(options).slice(0, 120);
      const r = await post(options);
      expect(r.status, label).toBe(status);
      expect(r.json.error.code, label).toBe(code);
      expect(r.json.token, label).toBeUndefined();
    }
    const get = await f.workload.get('/api/v1/idp/token', { headers: auth });
    expect(get.status).toBe(405);
    expect(get.json.error.code).toBe('method_not_allowed');
    // An empty JSON object and an empty body are fine.
    expect((await post({ body: {} })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expect(await issuanceAuditEvents(f.owner, f.org.id)).toHaveLength(2);
  });

  it('revoked and expired environment tokens: 401 token_revoked / token_expired at once on the replica that changed', async () => {
    const local = await issuerFixture(server);
    expect((await local.issue()).status).toBe(200);
    expectStatus(await local.owner.delete(`/api/v1/orgs/${local.org.id}/environments/${local.env.id}/tokens/${local.token.id}`), 204);
    const revoked = await local.issue();
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.code).toBe('token_revoked');
    expect(String(revoked.headers['www-authenticate'])).toMatch(/^Bearer /);

    const expiresAt = Date.now() + 2_000;
    const shortLived = expectStatus(await local.owner.post(`/api/v1/orgs/${local.org.id}/environments/${local.env.id}/tokens`, { name: 'short', expiresAt: new Date(expiresAt).toISOString() }), 201).json;
    expect((await local.issue(undefined, shortLived.token)).status).toBe(200);
    let last = 200;
    while (Date.now() < expiresAt - 150) {
      last = (await local.issue(undefined, shortLived.token)).status;
      expect(last).toBe(200);
      await sleep(100);
    }
    await sleep(Math.max(0, expiresAt - Date.now() + 20));
    const expired = await local.issue(undefined, shortLived.token);
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('token_expired');
  });
});

describe('rate limit per environment (TRUSTBRIDGE_TOKEN_RATE_LIMIT=2: 2/s, bursts of 4)', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer({ env: { TRUSTBRIDGE_TOKEN_RATE_LIMIT: '2' } });
  }, 60_000);
  afterAll(() => limited?.stop());

  it('429 rate_limited with Retry-After once an environment exceeds its budget; another environment of the same org is unaffected; the budget refills', async () => {
    const a = await issuerFixture(limited);
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 6; i++) {
      const r = await a.issue();
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect(refused?.json.error.code).toBe('rate_limited');
    expect(refused?.json.token).toBeUndefined();
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // Only what was issued is audited.
    expect(await issuanceAuditEvents(a.owner, a.org.id)).toHaveLength(4);

    const sibling = await a.addEnvironment();
    expect((await sibling.issue()).status).toBe(200);
    const otherOrg = await issuerFixture(limited);
    expect((await otherOrg.issue()).status).toBe(200);

    await sleep(retryAfter * 1000);
    expect((await a.issue()).status).toBe(200);
  });
});

describe('a relying party that fetches discovery and JWKS itself', () => {
  let direct: RunningServer;
  beforeAll(async () => {
    // PUBLIC_URL names the port, so the issuer URL is directly fetchable by the verifier.
    const port = await freePort();
    direct = await startServer({ port, publicUrl: `http://127.0.0.1:${port}` });
  }, 60_000);
  afterAll(() => direct?.stop());

  it('PyJWT (jwt.PyJWKClient on the discovered jwks_uri) and joserfc verify the token from the issuer URL alone', async () => {
    const f = await issuerFixture(direct);
    const token = await f.mint();
    const issuer = `${direct.publicUrl}/oidc/${f.org.id}`;
    expect(decodeJwt(token).claims.iss).toBe(issuer);
    for (const library of LIBRARIES) {
      const result = verifyViaDiscovery(library, `${issuer}/.well-known/openid-configuration`, 'sts.amazonaws.com', token);
      expect(result, library).toMatchObject({ ok: true, claims: { iss: issuer, sub: `org:${f.org.id}:project:${f.project.slug}:environment:${f.env.slug}` }, discovery: { issuer, jwks_uri: `${issuer}/.well-known/jwks.json` } });
      const wrongAudience = verifyViaDiscovery(library, `${issuer}/.well-known/openid-configuration`, 'another-audience', token);
      expect(wrongAudience.ok, library).toBe(false);
    }
    // Another org's issuer URL does not verify it (kid unknown there).
    const other = await issuerFixture(direct);
    const foreign = verifyViaDiscovery('pyjwt', `${direct.publicUrl}/oidc/${other.org.id}/.well-known/openid-configuration`, 'sts.amazonaws.com', token);
    expect(foreign.ok).toBe(false);
  }, 60_000);
});

describe('isolation between organizations', () => {
  it('org B’s JWKS never verifies org A’s token: different kids, different keys, and no key of B verifies A’s signature', async () => {
    const a = await issuerFixture(server);
    const b = await issuerFixture(server);
    const admin = await signedInAdmin(server);
    const c = await createOrg(admin); // an org with no environments at all
    // B also gets an RS256 key, so B publishes keys of both types.
    expectStatus(await b.owner.post(`/api/v1/orgs/${b.org.id}/issuer/keys/rotate`, { leadHours: 24, algorithm: 'RS256' }), 201);
    const token = await a.mint();
    const aKeys = (await a.jwks()).keys;
    const bKeys = (await b.jwks()).keys;
    const cKeys = expectStatus(await admin.get(`/oidc/${c.id}/.well-known/jwks.json`), 200).json.keys as Jwk[];
    expect(bKeys).toHaveLength(2);
    expect(cKeys).toHaveLength(1);
    const aKids = new Set(aKeys.map((k) => k.kid));
    for (const key of [...bKeys, ...cKeys]) {
      expect(aKids.has(key.kid)).toBe(false);
      expect(aKeys.some((k) => k.x === key.x || (key.n !== undefined && k.n === key.n))).toBe(false);
      expect(signatureVerifiesWith(token, key), `key ${key.kid} of another org`).toBe(false);
    }
    expect(signatureVerifiesWith(token, aKeys.find((k) => k.kid === kidOf(token)) as Jwk)).toBe(true);
    for (const library of LIBRARIES) {
      // With B's issuer and B's keys, and even with A's issuer string but B's keys.
      const results = verifyBatch(library, issuerOf(b.org.id), 'sts.amazonaws.com', [{ token, jwks: { keys: bKeys } }]).concat(verifyBatch(library, issuerOf(a.org.id), 'sts.amazonaws.com', [{ token, jwks: { keys: bKeys } }, { token, jwks: { keys: cKeys } }]));
      for (const reason of results) expect(reason, library).toEqual(expect.any(String));
      expect(verifyBatch(library, issuerOf(a.org.id), 'sts.amazonaws.com', [{ token, jwks: { keys: aKeys } }]), library).toEqual([null]);
    }
  }, 60_000);
});
