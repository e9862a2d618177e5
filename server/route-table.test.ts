import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../scripts/lib/route-files.mjs';
import { allowFor, compileRouteTable } from './route-table';

const table = compileRouteTable([
  { pattern: '/api/[...path]', methods: ['GET', 'POST'] },
  { pattern: '/api/v1/orgs', methods: ['GET', 'POST'] },
  { pattern: '/api/v1/orgs/[orgId]', methods: ['GET', 'PATCH'] },
  { pattern: '/api/v1/orgs/[orgId]/policies/[policyId]', methods: ['GET', 'PUT', 'DELETE'] },
  { pattern: '/api/v1/orgs/[orgId]/policies/context', methods: ['GET'] },
  { pattern: '/docs/[[...slug]]', methods: ['GET'] },
  { pattern: '/oidc/[orgId]/[...document]', methods: ['GET', 'OPTIONS'] },
]);
const match = (p: string) => table.match(p.split('/').filter((s) => s !== ''))?.pattern ?? null;

describe('compileRouteTable: the route Next.js would run', () => {
  it.each([
    ['/api/v1/orgs', '/api/v1/orgs'],
    ['/api/v1/orgs/abc', '/api/v1/orgs/[orgId]'],
    // A static segment beats a dynamic one at the same place…
    ['/api/v1/orgs/abc/policies/context', '/api/v1/orgs/[orgId]/policies/context'],
    ['/api/v1/orgs/abc/policies/p1', '/api/v1/orgs/[orgId]/policies/[policyId]'],
    // …and when the static branch leads nowhere, the dynamic one is tried (backtracking).
    ['/api/v1/orgs/orgs', '/api/v1/orgs/[orgId]'],
    // Paths no specific route serves fall to the catch-all.
    ['/api/v1/orgs/abc/nothing', '/api/[...path]'],
    ['/api/v1', '/api/[...path]'],
    ['/api/v1/orgs/abc/policies/p1/extra', '/api/[...path]'],
    ['/oidc/o1/.well-known/jwks.json', '/oidc/[orgId]/[...document]'],
    ['/docs', '/docs/[[...slug]]'],
    ['/docs/a/b', '/docs/[[...slug]]'],
    // Empty segments are not segments (Next redirects `//` and a trailing `/` away).
    ['//api//v1/orgs/', '/api/v1/orgs'],
  ])('%s → %s', (p, pattern) => expect(match(p)).toBe(pattern));

  it.each(['/', '/api', '/oidc/o1', '/orgs/abc', '/docsx'])('%s matches no route', (p) => expect(match(p)).toBeNull());

  it('Allow: the exports, HEAD with GET, OPTIONS always, sorted as Next.js sorts them', () => {
    expect(allowFor(['POST'])).toEqual(['OPTIONS', 'POST']);
    expect(allowFor(['PATCH', 'GET'])).toEqual(['GET', 'HEAD', 'OPTIONS', 'PATCH']);
    expect(table.match(['api', 'v1', 'orgs', 'x'])?.allow).toEqual(['GET', 'HEAD', 'OPTIONS', 'PATCH']);
  });
});

describe('the table built from app/ on disk', () => {
  const rows = routeTable(path.resolve(import.meta.dirname, '..'));
  const real = compileRouteTable(rows);
  const patternOf = (p: string) => real.match(p.split('/').filter((s) => s !== ''))?.pattern;

  it('has every route file, the issuer documents included', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.find((r) => r.pattern === '/oidc/[orgId]/[...document]')?.methods).toEqual(['GET', 'OPTIONS']);
  });

  it('routes a path the way the App Router does', () => {
    expect(patternOf('/api/v1/orgs/o1/trust-policies/context')).toBe('/api/v1/orgs/[orgId]/trust-policies/context');
    expect(patternOf('/api/v1/orgs/o1/trust-policies/p1')).toBe('/api/v1/orgs/[orgId]/trust-policies/[policyId]');
    expect(patternOf('/api/v1/idp/token')).toBe('/api/v1/idp/token');
    expect(patternOf('/api/v2/anything')).toBe('/api/[...path]');
  });
});
