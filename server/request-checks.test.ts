import { describe, expect, it } from 'vitest';
import { DOCUMENT_ALLOW, methodVerdict, readTarget, surfaceOf } from './request-checks';
import { compileRouteTable } from './route-table';

const read = (url: string) => readTarget(url, url.split('?')[0] ?? '/');

describe('readTarget', () => {
  it.each([
    ['/api/v1/orgs', ['api', 'v1', 'orgs']],
    ['/api/v1/orgs/%00', ['api', 'v1', 'orgs', '\u0000']],
    ['/api/v1/orgs/%2F', ['api', 'v1', 'orgs', '/']],
    ['/api/v1/orgs/caf%C3%A9?x=%ZZ', ['api', 'v1', 'orgs', 'café']],
    ['/api/v1/%F0%9F%92%A5', ['api', 'v1', '💥']],
    ['//api//v1/', ['api', 'v1']],
    ['/...', ['...']],
    ['/', []],
  ])('%s → segments %j', (url, segments) => expect(read(url)).toEqual({ segments }));

  it.each([
    ['/api/v1/orgs/%ZZ', 'encoding'],
    ['/api/v1/orgs/%E0%A4%A', 'encoding'],
    ['/api/v1/orgs/%', 'encoding'],
    ['/api/v1/orgs/%4', 'encoding'],
    ['/api/v1/orgs/%C0%AF', 'encoding'],
    ['/api/v1/orgs/%ED%A0%80', 'encoding'],
    ['/api/v1/orgs/%FF', 'encoding'],
    ['/api/v1/orgs/\u00c3\u00a9', 'non_ascii'],
    ['/api/v1/orgs?name=\u00e9', 'non_ascii'],
    ['/api/v1/orgs/..', 'dot_segment'],
    ['/api/v1/orgs/./x', 'dot_segment'],
    ['/api/%2e%2E/v1', 'dot_segment'],
    ['/api/.%2e/v1', 'dot_segment'],
  ])('%j → %s', (url, problem) => expect(read(url)).toEqual({ problem }));
});

describe('methodVerdict', () => {
  const table = compileRouteTable([
    { pattern: '/api/[...path]', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
    { pattern: '/api/v1/orgs', methods: ['GET', 'POST'] },
    { pattern: '/oidc/[orgId]/[...document]', methods: ['GET', 'OPTIONS'] },
  ]);
  const verdict = (path: string, method: string) => methodVerdict(table, surfaceOf(path), path.split('/').filter((s) => s !== ''), method);

  it('a route: its methods pass, anything else is 405 with its Allow', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST']) expect(verdict('/api/v1/orgs', method)).toEqual({ kind: 'pass' });
    for (const method of ['PUT', 'DELETE', 'TRACE', 'PROPFIND', 'CONNECT', 'get']) expect(verdict('/api/v1/orgs', method)).toEqual({ kind: 'not_allowed', allow: ['GET', 'HEAD', 'OPTIONS', 'POST'] });
    expect(verdict('/oidc/o/.well-known/jwks.json', 'POST')).toEqual({ kind: 'not_allowed', allow: ['GET', 'HEAD', 'OPTIONS'] });
  });

  it('an /api path no route serves: Next answers 404 for handler methods; anything else is 404 here', () => {
    for (const method of ['GET', 'PUT', 'HEAD', 'OPTIONS']) expect(verdict('/api/v2/x', method)).toEqual({ kind: 'pass' });
    for (const method of ['TRACE', 'PROPFIND']) expect(verdict('/api/v2/x', method)).toEqual({ kind: 'not_found' });
  });

  it('pages (and unmatched /oidc paths): GET, HEAD and POST (server actions)', () => {
    for (const path of ['/', '/orgs/x', '/oidc/x']) {
      for (const method of DOCUMENT_ALLOW) expect(verdict(path, method)).toEqual({ kind: 'pass' });
      for (const method of ['PUT', 'OPTIONS', 'TRACE']) expect(verdict(path, method)).toEqual({ kind: 'not_allowed', allow: DOCUMENT_ALLOW });
    }
  });
});
