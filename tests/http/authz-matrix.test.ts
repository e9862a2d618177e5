import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/server';
import { CODE_OVERRIDES, EXPECTED_CODE, MATRIX } from './authz/matrix';
import { discoverApiRoutes } from './authz/routes';
import { buildWorld, ROLES, type World } from './authz/world';

// Every API route × method × {anonymous, member, admin, owner, member of another org}: the exact
// status, and for refusals the exact error code. The route list comes from app/api on disk, so a
// route added without a matrix entry turns this suite red.

const server = inject('server');
const routes = discoverApiRoutes(ROOT);
const keys = routes.map((r) => `${r.method} ${r.pattern}`);

describe('the matrix covers the API exactly', () => {
  it('every route and method on disk has an entry', () => {
    expect(keys.filter((k) => !(k in MATRIX))).toEqual([]);
  });
  it('every entry names a route that exists', () => {
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
  });
  it('found the routes at all', () => expect(routes.length).toBeGreaterThan(40));
});

describe('authorization matrix', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(server);
  }, 120_000);

  for (const key of keys.filter((k) => k in MATRIX).sort()) {
    const [method = 'GET'] = key.split(' ');
    const entry = MATRIX[key];
    if (!entry) continue;
    for (const role of ROLES) {
      const expected = entry.expect[role];
      it(`${key} as ${role} → ${expected}`, async () => {
        const call = await entry.prepare(world, role);
        const client = world.clients[role];
        const result = await client.request(method, call.path, { ...(call.body === undefined ? {} : { body: call.body }), ...(call.noCookie ? { cookie: null } : {}) });
        expect(result.status, result.text.slice(0, 300)).toBe(expected);
        const code = CODE_OVERRIDES[key]?.[expected] ?? EXPECTED_CODE[expected];
        if (expected >= 400 && code) expect(result.json?.error?.code).toBe(code);
      });
    }
  }
});
