import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/server';
import type { Entry } from './authz/entry';
import { concretePath, expectedCode, MATRIX, VARIANTS } from './authz/matrix';
import { discoverApiRoutes, exportedMethods, exportedNames, patternOf, routeKey } from './authz/routes';
import { buildWorld, keys, ROLES, type Role, type World } from './authz/world';

// Every API route × method × {anonymous, member, admin, owner, member of another org}: the exact
// status, the exact error code of every refusal, and what the call did (a permitted call had its
// effect, a refused one changed nothing). The route list comes from app/api on disk, so a route
// added without a matrix row turns this suite red.

const server = inject('server');
const discovery = discoverApiRoutes(ROOT);
const onDisk = discovery.routes.map(routeKey).sort();

describe('route discovery reads exports like the compiler does', () => {
  it.each([
    ['export const GET = apiRoute(handler);', ['GET']],
    ['export async function POST(request: Request) { return new Response(); }', ['POST']],
    ['export function DELETE() {}\nexport const dynamic = "force-dynamic";', ['DELETE']],
    ['const h = apiRoute(x);\nexport { h as GET, h as POST, other };', ['GET', 'POST']],
    ["export { PUT, PATCH } from './handlers';", ['PUT', 'PATCH']],
    ['export const { GET, POST: post, ...rest } = handlers;', ['GET']],
    ["// export const PATCH = x;\n/* export function PUT() {} */\nconst s = 'export const DELETE = 1';", []],
    ["export type { GET } from './types';\nexport { type POST } from './types';", []],
    ['export const OPTIONS = h, HEAD = h;', ['HEAD', 'OPTIONS']],
  ] as const)('%s → %j', (source, methods) => {
    expect(exportedMethods(source)).toEqual(methods);
  });
  it('flags `export *`, whose names the source does not show', () => expect(exportedNames("export * from './x';")).toEqual(['*']));
  it('drops route groups from the URL pattern', () => {
    expect(patternOf('(internal)/v1/orgs/[orgId]')).toBe('/api/v1/orgs/[orgId]');
    expect(patternOf('')).toBe('/api');
  });
});

describe('the matrix covers the API exactly', () => {
  it('found the route files, and read methods from each of them', () => {
    expect(discovery.files.length).toBeGreaterThanOrEqual(34);
    expect(discovery.unreadable).toEqual([]);
  });
  it('every route and method on disk has a row', () => expect(onDisk.filter((k) => !(k in MATRIX))).toEqual([]));
  it('every row names a route and method that exists', () => expect(Object.keys(MATRIX).filter((k) => !onDisk.includes(k))).toEqual([]));
  it('every variant names a route and method that exists', () => expect(VARIANTS.map((v) => v.route).filter((k) => !onDisk.includes(k))).toEqual([]));
});

let world: World;
beforeAll(async () => {
  world = await buildWorld(server);
}, 120_000);

async function run(method: string, entry: Entry, role: Role): Promise<void> {
  const expected = entry.expect[role];
  const call = await entry.prepare(world, role);
  const client = call.as ?? world.clients[role];
  const result = await client.request(method, call.path, {
    ...(call.body === undefined ? {} : { body: call.body }),
    ...(call.headers ? { headers: call.headers } : {}),
    ...(call.noCookie ? { cookie: null } : {}),
  });
  expect(result.status, `${method} ${call.path} → ${result.text.slice(0, 300)}`).toBe(expected);
  const done = expected >= 200 && expected < 300;
  if (done) expect(result.json?.error).toBeUndefined();
  else {
    const code = expectedCode(entry, expected);
    expect(code, `the matrix names no error code for ${expected}`).toBeDefined();
    expect(result.json?.error?.code).toBe(code);
  }
  await call.after?.(result, done);
}

describe('authorization matrix', () => {
  for (const key of Object.keys(MATRIX).sort()) {
    const entry = MATRIX[key];
    const method = key.split(' ')[0] ?? '';
    if (!entry) continue;
    for (const role of ROLES) it(`${key} as ${role} → ${entry.expect[role]}`, () => run(method, entry, role));
  }
});

describe('authorization matrix: variants', () => {
  for (const variant of VARIANTS) {
    const method = variant.route.split(' ')[0] ?? '';
    for (const role of ROLES) it(`${variant.route} (${variant.name}) as ${role} → ${variant.expect[role]}`, () => run(method, variant, role));
  }
});

// Methods a route does not export never reach a handler: the front door answers 405 with the
// error body and Allow (tests/http/request-shape.test.ts checks the Allow lists).
describe('methods a route does not export', () => {
  const byPattern = new Map<string, string[]>();
  for (const r of discovery.routes) byPattern.set(r.pattern, [...(byPattern.get(r.pattern) ?? []), r.method]);
  for (const [pattern, methods] of [...byPattern].sort()) {
    const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.includes(m));
    if (missing.length === 0) continue;
    it(`${pattern}: ${missing.join(', ')} → 405`, async () => {
      const kid = (await keys(world)).find((k) => k.state === 'active')?.kid ?? '';
      const path = concretePath(world, pattern, kid);
      for (const method of missing) {
        const r = await world.clients.owner.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
        expect([r.status, r.json?.error?.code], `${method} ${path}`).toEqual([405, 'method_not_allowed']);
      }
    });
  }
});
