import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ownerWithOrg } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { orgWithEveryObject, type OrgObjects } from '../support/org-objects';
import { rawExchange } from '../support/raw-socket';
import { allowFor, allowOf, apiTargets, concretePath, HANDLER_METHODS, NOT_FOUND_PATTERN, paramsOf } from './shape/targets';

// Every request is answered in the documented shape — also the ones no route handler ever sees:
// a path whose percent-encoding is malformed, a method Next.js does not support, a method the
// route does not export, a request line the HTTP parser refuses. The routes come from app/api on
// disk, so a route added later is covered without a change here.

const server = inject('server');
const targets = apiTargets().filter((t) => t.pattern !== NOT_FOUND_PATTERN);
const BAD_ENCODINGS = ['%ZZ', '%E0%A4%A', '%', '%4', '%C0%AF', '%ED%A0%80', '%FF', 'a%2', '%%41'];
const DOCUMENT_ALLOW = ['GET', 'HEAD', 'POST'];

let owner: TestClient;
let anonymous: TestClient;
let objects: OrgObjects;

beforeAll(async () => {
  const { owner: o, org } = await ownerWithOrg(server);
  owner = o.client;
  objects = (await orgWithEveryObject(owner, server, org.id)).objects;
  anonymous = new TestClient(server.url, server.publicUrl);
}, 60_000);

function expectApiError(r: HttpResult, status: number, code: string, what: string): void {
  expect([what, r.status, r.json?.error?.code]).toEqual([what, status, code]);
  expect(typeof r.json.error.message).toBe('string');
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.headers['x-request-id']).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  expect(r.headers['cache-control']).toBe('no-store');
}

describe('a malformed percent-encoding in a path segment → 400, never a 500', () => {
  it('under /api: 400 invalid_request in the API error shape, signed in or not, for every method', async () => {
    const paths = (o: OrgObjects) => [
      ...BAD_ENCODINGS.map((bad) => `/api/v1/orgs/${bad}`),
      ...BAD_ENCODINGS.map((bad) => `/api/v1/orgs/${o.org}/projects/${bad}`),
      `/api/%ED%A0%80/health`,
      `/api/v1/orgs/${o.org}/environments/${o.env}/tokens/%E0%A4%A`,
      `/api/v1/idp/token%ZZ`,
      `/api/health/%ZZ?x=1`,
    ];
    for (const client of [owner, anonymous]) {
      for (const path of paths(objects)) {
        for (const method of ['GET', 'POST', 'DELETE', 'TRACE']) {
          const r = await client.request(method, path, { rawPath: true, ...(method === 'POST' ? { body: { name: 'x' } } : {}) });
          expectApiError(r, 400, 'invalid_request', `${method} ${path}`);
        }
      }
    }
  });

  it('under /oidc: 400 invalid_request in the issuer\'s OAuth error shape', async () => {
    for (const path of [`/oidc/%ZZ/.well-known/openid-configuration`, `/oidc/${objects.org}/.well-known/jwks%E0%A4%A`, `/oidc/${objects.org}/%C0%AF`, `/oidc/%ED%A0%80`]) {
      const r = await anonymous.request('GET', path, { rawPath: true });
      expect([path, r.status, r.json?.error]).toEqual([path, 400, 'invalid_request']);
      expect(typeof r.json.error_description).toBe('string');
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });

  it('pages: a 400 HTML page with the security headers', async () => {
    for (const client of [owner, anonymous]) {
      for (const path of ['/orgs/%ZZ', `/orgs/${objects.org}/settings/%E0%A4%A`, '/%ZZ', '/sign-in/%C0%AF', '/_next/static/%ZZ.js']) {
        const r = await client.request('GET', path, { rawPath: true });
        expect([path, r.status]).toEqual([path, 400]);
        expect(r.headers['content-type']).toMatch(/^text\/html/);
        expect(r.text).toMatch(/Bad request/);
        expect(r.headers['content-security-policy']).toBeDefined();
        expect(r.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('well-formed encodings still reach the route (an id that names nothing → 404 not_found)', async () => {
    for (const segment of ['%00', '%2F', '%F0%9F%92%A5', 'caf%C3%A9', '%20']) {
      const r = await owner.request('GET', `/api/v1/orgs/${segment}`, { rawPath: true });
      expectApiError(r, 404, 'not_found', segment);
    }
  });
});

describe('405 method_not_allowed: always with the error body and an Allow header naming the route\'s methods', () => {
  it('every route, every handler method it does not export, signed in or not', async () => {
    const params = paramsOf(objects);
    for (const target of targets) {
      const path = concretePath(target.pattern, params);
      for (const method of HANDLER_METHODS.filter((m) => !target.allow.includes(m))) {
        for (const client of [owner, anonymous]) {
          const r = await client.request(method, path, method === 'POST' || method === 'PUT' || method === 'PATCH' ? { body: {} } : {});
          const what = `${method} ${target.pattern}`;
          expect([what, r.status, allowOf(r.headers.allow)]).toEqual([what, 405, target.allow]);
          if (method !== 'HEAD') expectApiError(r, 405, 'method_not_allowed', what);
        }
      }
    }
  });

  it('TRACE and other methods Next.js does not support, signed in (with and without Origin) or not: 405, never 500', async () => {
    const params = paramsOf(objects);
    for (const target of targets) {
      const path = concretePath(target.pattern, params);
      for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'SEARCH', 'PURGE']) {
        for (const [who, client, origin] of [
          ['owner', owner, undefined],
          ['owner without Origin', owner, null],
          ['anonymous', anonymous, undefined],
        ] as const) {
          const r = await client.request(method, path, { origin });
          const what = `${method} ${target.pattern} as ${who}`;
          expectApiError(r, 405, 'method_not_allowed', what);
          expect(allowOf(r.headers.allow)).toEqual(target.allow);
        }
      }
    }
  });

  it('OPTIONS (answered by Next.js) lists the same methods as the 405 answers', async () => {
    const params = paramsOf(objects);
    for (const target of targets) {
      const r = await owner.request('OPTIONS', concretePath(target.pattern, params));
      expect([target.pattern, r.status < 300, allowOf(r.headers.allow)]).toEqual([target.pattern, true, target.allow]);
    }
  });

  it('an unknown /api path answers 404 not_found whatever the method', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'GET', 'PUT']) {
      for (const path of ['/api/v2/whatever', '/api/v1/orgs/x/y/z/w']) {
        expectApiError(await owner.request(method, path, method === 'PUT' ? { body: {} } : {}), 404, 'not_found', `${method} ${path}`);
      }
    }
  });

  it('pages and issuer documents: the methods they serve are named in Allow', async () => {
    for (const path of ['/', '/sign-in', `/orgs/${objects.org}`, `/orgs/${objects.org}/settings`]) {
      for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
        const r = await owner.request(method, path, method === 'PUT' || method === 'PATCH' ? { body: {} } : {});
        expectApiError(r, 405, 'method_not_allowed', `${method} ${path}`);
        expect(allowOf(r.headers.allow)).toEqual(DOCUMENT_ALLOW);
      }
    }
    for (const document of ['openid-configuration', 'jwks.json']) {
      const path = `/oidc/${objects.org}/.well-known/${document}`;
      for (const method of ['TRACE', 'POST', 'DELETE', 'PROPFIND']) {
        const r = await anonymous.request(method, path, method === 'POST' ? { body: {} } : {});
        expectApiError(r, 405, 'method_not_allowed', `${method} ${path}`);
        expect(allowOf(r.headers.allow)).toEqual(allowFor(['GET', 'OPTIONS']));
      }
    }
    const token = await anonymous.request('GET', '/api/v1/idp/token');
    expectApiError(token, 405, 'method_not_allowed', 'GET /api/v1/idp/token');
    expect(allowOf(token.headers.allow)).toEqual(allowFor(['POST']));
  });
});

describe('requests the HTTP parser refuses, and CONNECT, get an answer in the error shape', () => {
  const host = () => new URL(server.publicUrl).host;
  const send = (lines: string[]) => rawExchange(server.url, `${lines.join('\r\n')}\r\n\r\n`);
  const expectRawError = (r: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) => {
    expect([r.status, (JSON.parse(r.body) as { error: { code: string } }).error.code]).toEqual([status, code]);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
  };

  it('an unknown method on a route → 405 with its Allow; on an unknown /api path → 404', async () => {
    const orgs = await send(['FOO /api/v1/orgs HTTP/1.1', `Host: ${host()}`]);
    expectRawError(orgs, 405, 'method_not_allowed');
    expect(allowOf(orgs.headers.allow)).toEqual(allowFor(['GET', 'POST']));
    const lower = await send(['get /api/v1/me HTTP/1.1', `Host: ${host()}`]);
    expectRawError(lower, 405, 'method_not_allowed');
    expect(allowOf(lower.headers.allow)).toEqual(allowFor(['GET']));
    expectRawError(await send(['BREW /api/v2/pot HTTP/1.1', `Host: ${host()}`]), 404, 'not_found');
    const page = await send(['TRACK /sign-in HTTP/1.1', `Host: ${host()}`]);
    expectRawError(page, 405, 'method_not_allowed');
    expect(allowOf(page.headers.allow)).toEqual(DOCUMENT_ALLOW);
  });

  it('CONNECT: 405 for a path of ours, 400 for an authority (this is not a proxy) — the connection is not just dropped', async () => {
    const orgs = await send(['CONNECT /api/v1/orgs HTTP/1.1', `Host: ${host()}`]);
    expectRawError(orgs, 405, 'method_not_allowed');
    expect(allowOf(orgs.headers.allow)).toEqual(allowFor(['GET', 'POST']));
    expectRawError(await send(['CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443']), 400, 'invalid_request');
  });

  it('a broken request line or header → 400 invalid_request; an over-long URL → 431 headers_too_large', async () => {
    expectRawError(await send(['GET /api/v1/orgs HTTP/9.9', `Host: ${host()}`]), 400, 'invalid_request');
    expectRawError(await send(['GET /api/v1/orgs HTTP/1.1', 'this header has no colon']), 400, 'invalid_request');
    expectRawError(await send(['GET /api/v1/orgs HTTP/1.1', `Host: ${host()}`, 'Content-Length: -5']), 400, 'invalid_request');
    expectRawError(await send([`GET /api/v1/orgs/${'a'.repeat(20_000)} HTTP/1.1`, `Host: ${host()}`]), 431, 'headers_too_large');
  });
});
