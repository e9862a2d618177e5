import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { expectStatus, ownerWithOrg, PASSWORD } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { orgWithEveryObject } from '../support/org-objects';
import { rawExchange } from '../support/raw-socket';
import { ALL_METHODS, body, mutatedPath, queryString, type FuzzRequest } from './shape/arbitraries';
import { apiTargets, concreteSegments, paramsOf, type RouteTarget } from './shape/targets';

// Fuzz every route under app/api (read from disk: a new route is fuzzed without a change here)
// with malformed paths, every method, malformed query strings and bodies, signed in as the owner
// of an organization full of objects and anonymously. Whatever the request: no 5xx, every
// answer arrives, every 4xx is in the documented shape {"error":{"code","message"}}, every 405
// names the allowed methods. Generation is seeded (FUZZ_SEED to try another seed; a failure
// report names the seed and the request).

const server = inject('server');
const SEED = Number(process.env.FUZZ_SEED ?? 1_220_612);
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const targets = apiTargets();

interface World {
  owner: TestClient;
  email: string;
  orgId: string;
  params: Record<string, string>;
}

let world: World;
const anonymous = () => new TestClient(server.url, server.publicUrl);

async function buildWorld(): Promise<World> {
  const { owner, org } = await ownerWithOrg(server);
  const { objects } = await orgWithEveryObject(owner.client, server, org.id);
  return { owner: owner.client, email: owner.email, orgId: org.id, params: paramsOf(objects) };
}

beforeAll(async () => {
  world = await buildWorld();
}, 60_000);

/** After a call that did something: still signed in, still in the organization? Else start over. */
async function heal(): Promise<void> {
  if ((await world.owner.get('/api/v1/me')).status === 401) expectStatus(await world.owner.signIn(world.email, PASSWORD), 200);
  if ((await world.owner.get(`/api/v1/orgs/${world.orgId}`)).status !== 200) world = await buildWorld();
}

function problem(request: FuzzRequest, r: HttpResult): string | null {
  if (r.status >= 500) return `answered ${r.status}`;
  if (r.status === 405 && !r.headers.allow) return '405 without Allow';
  if (r.status >= 400 && request.method !== 'HEAD') {
    const error = r.json?.error;
    if (typeof error?.code !== 'string' || typeof error?.message !== 'string') return `${r.status} not in the error shape`;
  }
  return null;
}

async function send(request: FuzzRequest, failures: string[]): Promise<void> {
  const client = request.signedIn ? world.owner : anonymous();
  const what = `[seed ${SEED}] ${request.signedIn ? 'owner' : 'anonymous'} ${request.method} ${JSON.stringify(request.path.slice(0, 160))} (${request.label})`;
  let r: HttpResult;
  try {
    r = await client.request(request.method, request.path, {
      rawPath: true,
      ...(request.body ? { rawBody: request.body, contentType: request.contentType } : {}),
    });
  } catch (error) {
    failures.push(`${what} → no answer: ${String(error)}`);
    return;
  }
  const found = problem(request, r);
  if (found) failures.push(`${what} → ${found}: ${r.text.slice(0, 200)}`);
  if (request.signedIn && WRITE_METHODS.includes(request.method) && r.status < 300) await heal();
}

const RAW_METHODS = ['CONNECT', 'FOO', 'get', 'TRACK', 'BREW'];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const seeded = <T,>(arbitrary: fc.Arbitrary<T>, runs: number, salt: number) => fc.sample(arbitrary, { seed: SEED + salt, numRuns: runs });
const pathOf = (t: RouteTarget) => `/${concreteSegments(t.pattern, world.params).join('/')}`;

describe(`route fuzz (seed ${SEED})`, () => {
  it('found the routes on disk', () => expect(targets.length).toBeGreaterThanOrEqual(34));

  it('every method on every route, signed in and not', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      for (const method of ALL_METHODS) {
        for (const signedIn of [true, false]) await send({ method, path: pathOf(target), body: null, contentType: null, signedIn, label: 'plain' }, failures);
      }
      // Methods no HTTP client library sends: CONNECT (node's `connect` event) and tokens the
      // HTTP parser does not know (its `clientError`).
      for (const method of RAW_METHODS) {
        const what = `[seed ${SEED}] raw ${method} ${pathOf(target)}`;
        try {
          const r = await rawExchange(server.url, `${method} ${pathOf(target)} HTTP/1.1\r\nHost: ${new URL(server.publicUrl).host}\r\n\r\n`);
          const found = problem({ method, path: pathOf(target), body: null, contentType: null, signedIn: false, label: 'raw' }, { status: r.status, headers: r.headers, text: r.body, json: parseJson(r.body) });
          if (found || r.status < 400) failures.push(`${what} → ${found ?? r.status}: ${r.body.slice(0, 200)}`);
        } catch (error) {
          failures.push(`${what} → no answer: ${String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('malformed paths: bad percent-encoding, over-long segments, unicode, dot segments, with any method', async () => {
    const failures: string[] = [];
    for (const [i, target] of targets.entries()) {
      const segments = concreteSegments(target.pattern, world.params);
      const cases = seeded(fc.record({ path: mutatedPath(segments), method: fc.constantFrom(...ALL_METHODS), signedIn: fc.boolean() }), 20, i);
      for (const c of cases) await send({ method: c.method, path: c.path.path, body: null, contentType: null, signedIn: c.signedIn, label: c.path.label }, failures);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('malformed query strings on every route that reads', async () => {
    const failures: string[] = [];
    for (const [i, target] of targets.filter((t) => t.methods.includes('GET')).entries()) {
      for (const c of seeded(fc.record({ query: queryString, signedIn: fc.boolean() }), 8, 1000 + i)) {
        await send({ method: 'GET', path: `${pathOf(target)}${c.query.query}`, body: null, contentType: null, signedIn: c.signedIn, label: c.query.label }, failures);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('malformed bodies on every route that writes: not JSON, the wrong JSON, deep, huge, the wrong content type', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [i, target] of targets.entries()) {
      for (const method of target.methods.filter((m) => WRITE_METHODS.includes(m))) {
        for (const c of seeded(fc.record({ body, signedIn: fc.nat({ max: 4 }).map((n) => n > 0) }), 14, 2000 + i * 7 + WRITE_METHODS.indexOf(method))) {
          requests++;
          await send({ method, path: pathOf(target), body: c.body.body, contentType: c.body.contentType, signedIn: c.signedIn, label: c.body.label }, failures);
        }
      }
    }
    expect(requests).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 120_000);
});
