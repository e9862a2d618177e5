import { connect } from 'node:net';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrg, signedInAdmin, unique } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { orgWithEveryObject, type OrgObjects } from '../support/org-objects';

// Bad input always gets a 4xx in the contract's error shape with a stable code — never a 500.
const server = inject('server');
const ANY_ID = '01m8474fmb8q3dvcafhgt5c8g9';
const MiB = 1024 * 1024;

type Ids = OrgObjects;

/** Every create/update endpoint, with a valid body (the shape the bad bodies are derived from). */
const ENDPOINTS = (ids: Ids) =>
  [
    ['POST', '/api/v1/orgs', { name: 'Org', slug: unique('v') }],
    ['PATCH', `/api/v1/orgs/${ids.org}`, { name: 'Org', version: 1 }],
    ['POST', `/api/v1/orgs/${ids.org}/projects`, { name: 'P', slug: unique('p') }],
    ['PATCH', `/api/v1/orgs/${ids.org}/projects/${ids.project}`, { name: 'P', version: 1 }],
    ['POST', `/api/v1/orgs/${ids.org}/environments`, { projectId: ids.project, name: 'E', slug: unique('e'), stage: 'staging' }],
    ['PATCH', `/api/v1/orgs/${ids.org}/environments/${ids.env}`, { name: 'E', stage: 'staging', version: 1 }],
    ['POST', `/api/v1/orgs/${ids.org}/environments/${ids.env}/tokens`, { name: 'ci' }],
    ['POST', `/api/v1/orgs/${ids.org}/members`, { email: `${unique('m')}@example.com`, role: 'member' }],
    ['PATCH', `/api/v1/orgs/${ids.org}/members/${ids.member}`, { role: 'admin', version: 1 }],
    ['PATCH', `/api/v1/orgs/${ids.org}/issuer`, { tokenLifetimeSeconds: 600, version: 1 }],
    ['POST', `/api/v1/orgs/${ids.org}/issuer/keys/rotate`, { leadHours: 24 }],
    ['POST', `/api/v1/orgs/${ids.org}/issuer/keys/${ids.kid}/revoke`, { confirm: true }],
    ['POST', `/api/v1/orgs/${ids.org}/issuer/subject-preview`, { subjectTemplate: ['org', 'project', 'environment'] }],
    ['POST', `/api/v1/orgs/${ids.org}/trust-policies`, { name: unique('tp'), policy: {} }],
    ['PUT', `/api/v1/orgs/${ids.org}/trust-policies/${ids.policy}`, { name: 'tp', policy: {}, version: 1 }],
    ['POST', '/api/v1/auth/login', { email: 'a@example.com', password: 'x' }],
    ['POST', '/api/v1/setup', { code: 'AAAA-AAAA-AAAA', name: 'x', email: 'a@example.com', password: 'long-enough-password' }],
    ['POST', '/api/v1/invitations/preview', { token: `tbi_${'a'.repeat(43)}` }],
    ['POST', '/api/v1/invitations/accept', { token: `tbi_${'a'.repeat(43)}`, name: 'x', password: 'long-enough-password' }],
    ['POST', '/api/v1/trust-policy/lint', { policy: {} }],
    ['POST', '/api/v1/trust-policy/evaluate', { policy: {}, request: { principal: 'p', action: 'a' } }],
  ] as const;

describe('input validation', () => {
  let admin: TestClient;
  let ids: Ids;

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    ids = (await orgWithEveryObject(admin, server, (await createOrg(admin)).id)).objects;
  }, 60_000);

  describe('a taken unique name → 409 already_exists with the field in issues (forms show it there)', () => {
    it('organization slug, project slug, environment slug', async () => {
      const orgSlug = unique('dup');
      expect((await admin.post('/api/v1/orgs', { name: 'A', slug: orgSlug })).status).toBe(201);
      const org = await admin.post('/api/v1/orgs', { name: 'B', slug: orgSlug });
      expect([org.status, org.json.error.code, org.json.error.issues]).toEqual([409, 'already_exists', [{ path: 'slug', message: `The organization slug "${orgSlug}" is taken. Choose another.` }]]);

      const projectSlug = unique('dup');
      const created = await admin.post(`/api/v1/orgs/${ids.org}/projects`, { name: 'P', slug: projectSlug });
      expect(created.status).toBe(201);
      const project = await admin.post(`/api/v1/orgs/${ids.org}/projects`, { name: 'P2', slug: projectSlug });
      expect([project.status, project.json.error.code, project.json.error.issues]).toEqual([409, 'already_exists', [{ path: 'slug', message: `A project with the slug "${projectSlug}" already exists in this organization.` }]]);

      const envSlug = unique('dup');
      const env = { projectId: created.json.id, name: 'E', slug: envSlug, stage: 'staging' };
      expect((await admin.post(`/api/v1/orgs/${ids.org}/environments`, env)).status).toBe(201);
      const again = await admin.post(`/api/v1/orgs/${ids.org}/environments`, { ...env, name: 'E2' });
      expect([again.status, again.json.error.code, again.json.error.issues]).toEqual([409, 'already_exists', [{ path: 'slug', message: `An environment with the slug "${envSlug}" already exists in this project.` }]]);
    });
  });

  describe('malformed JSON → 400 invalid_json', () => {
    it.each(['{"name": "x",', '{name: "x"}', "{'name':'x'}", '[1,]', 'undefined', '', '{"a":1}}', '\u00ef\u00bb\u00bf{"a":1}', 'NaN'])('%j', async (raw) => {
      for (const [method, path] of [
        ['POST', `/api/v1/orgs/${ids.org}/projects`],
        ['PATCH', `/api/v1/orgs/${ids.org}/projects/${ids.project}`],
        ['POST', '/api/v1/auth/login'],
      ] as const) {
        const r = await admin.request(method, path, { rawBody: raw, contentType: 'application/json' });
        expect([path, r.status, r.json?.error?.code]).toEqual([path, 400, 'invalid_json']);
      }
    });
  });

  describe('a body that is not JSON → 415 unsupported_media_type', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'name=x&slug=y'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--'],
      ['text/plain', '{"name":"x","slug":"y"}'],
      ['application/xml', '<name>x</name>'],
      [null, '{"name":"x","slug":"y"}'],
    ])('%s', async (contentType, raw) => {
      for (const [method, path] of [
        ['POST', `/api/v1/orgs/${ids.org}/projects`],
        ['PATCH', `/api/v1/orgs/${ids.org}`],
        ['POST', '/api/v1/auth/login'],
      ] as const) {
        const r = await admin.request(method, path, { rawBody: raw, contentType });
        expect([path, r.status, r.json?.error?.code]).toEqual([path, 415, 'unsupported_media_type']);
      }
    });
  });

  describe('bodies over the limit → 413 payload_too_large', () => {
    const projectBody = (padBytes: number) => JSON.stringify({ name: 'x', slug: unique('big'), pad: 'a'.repeat(padBytes) });

    it('over 1 MiB by Content-Length: refused at the front door, before authentication', async () => {
      for (const client of [admin, new TestClient(server.url, server.publicUrl)]) {
        const r = await client.request('POST', `/api/v1/orgs/${ids.org}/projects`, { rawBody: 'x'.repeat(MiB + 1) });
        expect(r.status).toBe(413);
        expect(r.json.error.code).toBe('payload_too_large');
      }
    });

    it('over the 64 KiB route limit: by Content-Length and when sent chunked', async () => {
      const big = projectBody(65 * 1024);
      const declared = await admin.request('POST', `/api/v1/orgs/${ids.org}/projects`, { rawBody: big });
      expect([declared.status, declared.json?.error?.code]).toEqual([413, 'payload_too_large']);
      const chunked = await admin.request('POST', `/api/v1/orgs/${ids.org}/projects`, { rawBody: big, headers: { 'Transfer-Encoding': 'chunked' } });
      expect([chunked.status, chunked.json?.error?.code]).toEqual([413, 'payload_too_large']);
      // Chunked and over the front door's limit: the route's limit still stops it.
      const hugeChunked = await admin.request('POST', `/api/v1/orgs/${ids.org}/projects`, { rawBody: projectBody(2 * MiB), headers: { 'Transfer-Encoding': 'chunked' } });
      expect([hugeChunked.status, hugeChunked.json?.error?.code]).toEqual([413, 'payload_too_large']);
      // Just under the limit is read (and then validated).
      const under = await admin.request('POST', `/api/v1/orgs/${ids.org}/projects`, { rawBody: projectBody(60 * 1024), headers: { 'Transfer-Encoding': 'chunked' } });
      expect(under.status).toBe(201);
    });

    it('after a 413 for a chunked body the connection is closed, so no later request on it is left hanging', async () => {
      // Raw HTTP/1.1 on one socket: an oversized chunked upload, then a second request pipelined
      // behind it. Before the fix the unread rest of the upload stayed on a kept-alive connection
      // and the second request never got an answer.
      const body = projectBody(300 * 1024);
      const head = [`POST /api/v1/orgs/${ids.org}/projects HTTP/1.1`, 'Host: trustbridge.test', `Origin: ${server.publicUrl}`, `Cookie: ${admin.cookie}`, 'Content-Type: application/json', 'Transfer-Encoding: chunked', '', ''].join('\r\n');
      const next = 'GET /api/health HTTP/1.1\r\nHost: trustbridge.test\r\n\r\n';
      const outcome = await new Promise<{ closed: boolean; text: string }>((resolve) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
        let text = '';
        const timer = setTimeout(() => {
          socket.destroy();
          resolve({ closed: false, text });
        }, 10_000);
        socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(timer);
          resolve({ closed: true, text });
        });
        socket.write(`${head}${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n${next}`);
      });
      expect(outcome.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(outcome.text).toMatch(/\r\nconnection: close\r\n/i);
      expect(outcome.closed).toBe(true);
    });

    it('smaller per-route limits (sign-in: 8 KiB) and larger ones (trust policies: 128 KiB)', async () => {
      const login = await admin.request('POST', '/api/v1/auth/login', { rawBody: JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(9 * 1024) }), headers: { 'Transfer-Encoding': 'chunked' } });
      expect([login.status, login.json?.error?.code]).toEqual([413, 'payload_too_large']);
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity', Sid: 'x'.repeat(90 * 1024) }] };
      const lint = await admin.post('/api/v1/trust-policy/lint', { policy });
      expect(lint.status).toBe(200);
    });
  });

  describe('missing or invalid fields → 400 invalid_request naming each field in issues[].path', () => {
    const cases: [string, (ids: Ids) => [string, string], unknown, string[]][] = [
      ['create org: nothing', () => ['POST', '/api/v1/orgs'], {}, ['name', 'slug']],
      ['create org: bad slug, empty name', () => ['POST', '/api/v1/orgs'], { name: ' ', slug: '-Bad Slug-' }, ['name', 'slug']],
      ['create org: name too long, control characters', () => ['POST', '/api/v1/orgs'], { name: 'x'.repeat(81), slug: 'a'.repeat(41) }, ['name', 'slug']],
      ['create org: wrong types', () => ['POST', '/api/v1/orgs'], { name: 42, slug: ['a'] }, ['name', 'slug']],
      ['rename org', (i) => ['PATCH', `/api/v1/orgs/${i.org}`], { name: 'line\nbreak', version: 0 }, ['name', 'version']],
      ['rename org: version as a string', (i) => ['PATCH', `/api/v1/orgs/${i.org}`], { name: 'ok', version: '1' }, ['version']],
      ['create project', (i) => ['POST', `/api/v1/orgs/${i.org}/projects`], { slug: 'UPPER' }, ['name', 'slug']],
      ['rename project', (i) => ['PATCH', `/api/v1/orgs/${i.org}/projects/${i.project}`], { name: '', version: 1.5 }, ['name', 'version']],
      ['create environment', (i) => ['POST', `/api/v1/orgs/${i.org}/environments`], { projectId: 'nope', name: 'e', slug: 'e', stage: 'prod' }, ['projectId', 'stage']],
      ['create environment: nothing', (i) => ['POST', `/api/v1/orgs/${i.org}/environments`], {}, ['projectId', 'name', 'slug', 'stage']],
      ['update environment', (i) => ['PATCH', `/api/v1/orgs/${i.org}/environments/${i.env}`], { name: 'e', stage: 'Production' }, ['stage', 'version']],
      ['create token: no name, expiry in the past', (i) => ['POST', `/api/v1/orgs/${i.org}/environments/${i.env}/tokens`], { expiresAt: '2001-01-01T00:00:00Z' }, ['name', 'expiresAt']],
      ['create token: expiry not a date-time', (i) => ['POST', `/api/v1/orgs/${i.org}/environments/${i.env}/tokens`], { name: 'x', expiresAt: '2030-01-01' }, ['expiresAt']],
      ['add member', (i) => ['POST', `/api/v1/orgs/${i.org}/members`], { email: 'not-an-email', role: 'superuser' }, ['email', 'role']],
      ['change role', (i) => ['PATCH', `/api/v1/orgs/${i.org}/members/${i.member}`], { role: 'root' }, ['role', 'version']],
      ['issuer settings', (i) => ['PATCH', `/api/v1/orgs/${i.org}/issuer`], { version: 1, tokenLifetimeSeconds: 30, audiences: [] }, ['tokenLifetimeSeconds', 'audiences']],
      ['issuer settings: subject template', (i) => ['PATCH', `/api/v1/orgs/${i.org}/issuer`], { version: 1, subjectTemplate: ['project', 'org'] }, ['subjectTemplate']],
      ['rotate key', (i) => ['POST', `/api/v1/orgs/${i.org}/issuer/keys/rotate`], { leadHours: -1, algorithm: 'EdDSA' }, ['leadHours', 'algorithm']],
      ['revoke key without confirmation', (i) => ['POST', `/api/v1/orgs/${i.org}/issuer/keys/${i.kid}/revoke`], { confirm: false }, ['confirm']],
      ['subject preview', (i) => ['POST', `/api/v1/orgs/${i.org}/issuer/subject-preview`], { subjectTemplate: 'org' }, ['subjectTemplate']],
      ['save trust policy', (i) => ['POST', `/api/v1/orgs/${i.org}/trust-policies`], { name: '', policy: 5 }, ['name', 'policy']],
      ['update trust policy', (i) => ['PUT', `/api/v1/orgs/${i.org}/trust-policies/${i.policy}`], { name: 'x', policy: {} }, ['version']],
      ['sign in', () => ['POST', '/api/v1/auth/login'], { email: 'nope', password: '' }, ['email', 'password']],
      ['setup', () => ['POST', '/api/v1/setup'], { code: '', name: '', email: 'x', password: 'short' }, ['code', 'name', 'email', 'password']],
      ['invitation preview', () => ['POST', '/api/v1/invitations/preview'], { token: 'tbi_short' }, ['token']],
      ['invitation accept', () => ['POST', '/api/v1/invitations/accept'], { token: 'not-a-token', name: '', password: 'short' }, ['token', 'name', 'password']],
      ['a JSON array instead of an object', (i) => ['POST', `/api/v1/orgs/${i.org}/members`], [], ['(body)']],
      ['a JSON string instead of an object', (i) => ['POST', `/api/v1/orgs/${i.org}/projects`], 'project', ['(body)']],
      ['null instead of an object', () => ['POST', '/api/v1/orgs'], null, ['(body)']],
    ];

    it.each(cases)('%s', async (_what, target, body, fields) => {
      const [method, path] = target(ids);
      const r = await admin.request(method, path, { rawBody: JSON.stringify(body) });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
      const paths = new Set((r.json.error.issues as { path: string; message: string }[]).map((i) => i.path));
      expect([...paths].sort()).toEqual([...fields].sort());
      for (const issue of r.json.error.issues as { message: string }[]) expect(issue.message.length).toBeGreaterThan(0);
    });
  });

  it('never answers a 500 to bad bodies on any create/update endpoint', async () => {
    const deep = JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown;
    const badBodies = (valid: Record<string, unknown>): unknown[] => [
      null,
      true,
      0,
      -1,
      'text',
      [],
      [valid],
      {},
      deep,
      { __proto__: { admin: true }, constructor: { prototype: { admin: true } } },
      ...Object.keys(valid).flatMap((key) => [
        { ...valid, [key]: null },
        { ...valid, [key]: 1e308 },
        { ...valid, [key]: -1 },
        { ...valid, [key]: 'x'.repeat(10_000) },
        { ...valid, [key]: '\u0000\u202e\ud800' },
        { ...valid, [key]: { $gt: '' } },
        { ...valid, [key]: [valid[key], valid[key]] },
        Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)),
      ]),
    ];
    const failures: string[] = [];
    let requests = 0;
    for (const [method, path, valid] of ENDPOINTS(ids)) {
      for (const body of badBodies(valid as Record<string, unknown>)) {
        const r = await admin.request(method, path, { rawBody: JSON.stringify(body) });
        requests++;
        // Endpoints whose fields are all optional (issuer settings, key rotation) or that report
        // problems as findings (lint) may accept some of these; what matters is: no 5xx, and
        // every refusal in the error shape.
        if (r.status >= 500 || (r.status >= 400 && typeof r.json?.error?.code !== 'string')) failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 80)} → ${r.status} ${r.text.slice(0, 120)}`);
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 120_000);

  describe('ids in paths that cannot be ids → 404 not_found', () => {
    const bad = ['not-an-id', '01M8474FMB8Q3DVCAFHGT5C8G9', '01m8474fmb8q3dvcafhgt5c8g', '01m8474fmb8q3dvcafhgt5c8g9x', "1'%20OR%20'1'='1", '%00', '..%2F..%2Fetc', '%F0%9F%92%A5', 'ulid.json'];
    const routes: [string, string, (i: Ids, b: string) => string][] = [
      ['GET', 'organization', (_i, b) => `/api/v1/orgs/${b}`],
      ['PATCH', 'project', (i, b) => `/api/v1/orgs/${i.org}/projects/${b}`],
      ['GET', 'environment', (i, b) => `/api/v1/orgs/${i.org}/environments/${b}`],
      ['DELETE', 'token', (i, b) => `/api/v1/orgs/${i.org}/environments/${i.env}/tokens/${b}`],
      ['PATCH', 'member', (i, b) => `/api/v1/orgs/${i.org}/members/${b}`],
      ['DELETE', 'invitation', (i, b) => `/api/v1/orgs/${i.org}/invitations/${b}`],
      ['GET', 'trust policy', (i, b) => `/api/v1/orgs/${i.org}/trust-policies/${b}`],
      ['POST', 'signing key', (i, b) => `/api/v1/orgs/${i.org}/issuer/keys/${b}/revoke`],
      ['GET', 'audit of an organization', (_i, b) => `/api/v1/orgs/${b}/audit`],
    ];
    it.each(routes)('%s %s', async (method, _what, path) => {
      for (const b of bad) {
        const r = await admin.request(method, path(ids, b), method === 'GET' || method === 'DELETE' ? {} : { body: { name: 'x', role: 'admin', version: 1, confirm: true } });
        expect([b, r.status, r.json?.error?.code]).toEqual([b, 404, 'not_found']);
      }
    });
  });

  it('unknown /api paths answer JSON 404 not_found for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/v2/whatever', '/api/v1/orgs/x/y/z/w', '/api/v1/nothing', '/api/health/x', '/api/v1']) {
        const r = await admin.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
        expect([method, path, r.status, r.json?.error?.code]).toEqual([method, path, 404, 'not_found']);
        expect(r.headers['content-type']).toMatch(/^application\/json/);
      }
    }
  });

  it('objects of the right shape that do not exist → 404 not_found, not 500', async () => {
    for (const [method, path] of [
      ['GET', `/api/v1/orgs/${ANY_ID}`],
      ['GET', `/api/v1/orgs/${ids.org}/projects/${ANY_ID}`],
      ['DELETE', `/api/v1/orgs/${ids.org}/environments/${ANY_ID}/tokens/${ids.token}`],
      ['DELETE', `/api/v1/orgs/${ids.org}/invitations/${ANY_ID}`],
    ] as const) {
      const r = await admin.request(method, path);
      expect([path, r.status, r.json?.error?.code]).toEqual([path, 404, 'not_found']);
    }
  });
});
