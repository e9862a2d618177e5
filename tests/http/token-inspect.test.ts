import { createHmac, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHECK_IDS } from '@/lib/domain/jwt/token-checks';
import { expectStatus, userWithRole } from '../support/fixtures';
import type { HttpResult, TestClient } from '../support/http-client';
import { b64, deleteProvider, insertProvider, jws, plantKey, randomId, type PlantedKey } from '../support/inspector-kit';
import { decodeJwt, issuerFixture, sharedServerDatabase, until, type IssuerFixture, type SqlDatabase } from '../support/issuer-kit';

// POST /api/v1/tokens/inspect, attacked: a real token passes every check; every forgery fails the
// check named for it (with a test key planted in the organization's JWKS, a forgery can carry a
// valid signature and fail exactly one check); another organization's token is "not issued by this
// organization" and tells nothing about it; no input of any shape gets a 5xx or hangs.

const server = inject('server');
let a: IssuerFixture;
let b: IssuerFixture;
let db: SqlDatabase;
let planted: PlantedKey;
let real: string;
let realClaims: Record<string, unknown>;

type Check = { id: string; ok: boolean; message: string; fix?: string; skipped?: boolean };

const inspectAs = (client: TestClient, body: unknown, bearer?: string): Promise<HttpResult> =>
  bearer ? client.post('/api/v1/tokens/inspect', body, { origin: null, headers: { Authorization: `Bearer ${bearer}` } }) : client.post('/api/v1/tokens/inspect', body);

/** Inspects as the environment (bearer); expects 200 and returns the checks. */
async function inspect(token: string): Promise<{ ok: boolean; checks: Check[]; json: Record<string, unknown> }> {
  const r = expectStatus(await inspectAs(a.workload, { token }, a.token.token), 200);
  expect(r.json.checks.map((c: Check) => c.id)).toEqual([...CHECK_IDS]);
  return { ok: r.json.ok, checks: r.json.checks, json: r.json };
}
const failing = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => c.id);
const claims = (over: Record<string, unknown> = {}) => {
  const t = Math.floor(Date.now() / 1000);
  return { ...realClaims, iat: t - 5, nbf: t - 5, exp: t + 290, ...over };
};

beforeAll(async () => {
  [a, b] = await Promise.all([issuerFixture(server, { projectSlug: 'web', envSlug: 'prod' }), issuerFixture(server, { projectSlug: 'web', envSlug: 'prod' })]);
  db = sharedServerDatabase();
  planted = await plantKey(db, a.org.id);
  await until('the planted key is published', async () => (await a.jwks()).keys.some((k) => k.kid === planted.kid), 10_000);
  // The inspector reads the issuer cache, which catches up within 2 s of the change.
  await until('the inspector sees the planted key', async () => (await inspect(planted.sign(claims0()))).ok || undefined, 10_000, 200);
  real = await a.mint();
  realClaims = decodeJwt(real).claims;
}, 60_000);

/** Claims of a token of A before any real one is minted (used only to wait for the cache). */
function claims0() {
  const t = Math.floor(Date.now() / 1000);
  return { iss: a.org.issuer, sub: `org:${a.org.id}:project:web:environment:prod`, aud: 'sts.amazonaws.com', iat: t, nbf: t, exp: t + 300, jti: randomId() };
}

afterAll(async () => {
  await planted?.remove();
  await db?.close();
});

describe('a real token', () => {
  it('passes every check, as the environment (bearer) and as a member (orgId)', async () => {
    const asEnv = await inspect(real);
    expect(asEnv.checks.filter((c) => !c.ok)).toEqual([]);
    expect(asEnv.ok).toBe(true);
    expect(asEnv.json).toMatchObject({ issuer: a.org.issuer, header: decodeJwt(real).header, claims: realClaims });
    const member = await userWithRole(a.owner, server, a.org.id, 'member');
    const asMember = expectStatus(await inspectAs(member.client, { token: real, orgId: a.org.id }), 200).json;
    expect(asMember.checks.filter((c: Check) => !c.ok)).toEqual([]);
  });
  it('an RS256 token passes too (organization B switched to RS256)', async () => {
    expectStatus(await b.patchIssuer({ algorithm: 'RS256' }), 200);
    expectStatus(await b.owner.post(`/api/v1/orgs/${b.org.id}/issuer/keys/rotate`, { leadHours: 0 }), 201);
    const rs = await b.mint();
    expect(decodeJwt(rs).header.alg).toBe('RS256');
    const r = expectStatus(await inspectAs(b.workload, { token: rs }, b.token.token), 200).json;
    expect(r.checks.filter((c: Check) => !c.ok)).toEqual([]);
  });
  it('pasted with a line break around it still passes', async () => expect((await inspect(`\n${real}\n`)).ok).toBe(true));
  it('a forgery signed with the planted test key but otherwise correct passes (the key is really published)', async () => {
    expect(failing((await inspect(planted.sign(claims()))).checks)).toEqual([]);
  });
});

describe('forgeries fail the check named for them', () => {
  const parts = () => real.split('.') as [string, string, string];
  const header = () => decodeJwt(real).header;
  const cases: [string, () => string, string[], RegExp][] = [
    ['alg none, no signature', () => jws({ alg: 'none', kid: header().kid, typ: 'JWT' }, claims(), ''), ['structure', 'algorithm', 'kid'], /unsigned/],
    ['alg none with a signature', () => jws({ alg: 'none', kid: header().kid, typ: 'JWT' }, claims(), parts()[2]), ['algorithm', 'kid'], /unsigned token/],
    ['alg "None"', () => jws({ alg: 'None', kid: header().kid }, claims(), parts()[2]), ['algorithm', 'kid'], /unsigned token/],
    ['alg in odd case (es256)', () => planted.sign(claims(), { alg: 'es256', kid: planted.kid }), ['algorithm', 'kid'], /case-sensitive/],
    ['EdDSA', () => planted.sign(claims(), { alg: 'EdDSA', kid: planted.kid }), ['algorithm', 'kid'], /EdDSA/],
    ['PS256', () => planted.sign(claims(), { alg: 'PS256', kid: planted.kid }), ['algorithm', 'kid'], /RSA-PSS/],
    ['tampered payload (another environment’s sub)', () => [parts()[0], b64(claims({ sub: `org:${a.org.id}:project:web:environment:other` })), parts()[2]].join('.'), ['signature'], /does not match/],
    ['signed by another key under the real kid', () => jws(header(), claims(), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), ['signature'], /does not match/],
    ['unknown kid', () => jws({ ...header(), kid: 'no-such-key' }, claims(), parts()[2]), ['kid'], /No key with kid "no-such-key"/],
    ['kid with a path traversal', () => jws({ ...header(), kid: '../../../../etc/passwd' }, claims(), parts()[2]), ['kid'], /No key with kid/],
    ['kid with SQL', () => jws({ ...header(), kid: "x' OR '1'='1" }, claims(), parts()[2]), ['kid'], /No key with kid/],
    ['kid naming a URL', () => jws({ ...header(), kid: 'https://evil.example/jwks.json' }, claims(), parts()[2]), ['kid'], /No key with kid/],
    ['kid missing', () => planted.sign(claims(), { alg: 'ES256', typ: 'JWT' }), ['kid'], /no "kid"/],
    ['jku header', () => planted.sign(claims(), { alg: 'ES256', kid: planted.kid, jku: 'https://evil.example/jwks.json' }), ['forbidden_headers'], /"jku"/],
    ['x5u header', () => planted.sign(claims(), { alg: 'ES256', kid: planted.kid, x5u: 'https://evil.example/cert.pem' }), ['forbidden_headers'], /"x5u"/],
    ['embedded jwk header', () => planted.sign(claims(), { alg: 'ES256', kid: planted.kid, jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }), ['forbidden_headers'], /"jwk"/],
    ['crit header', () => planted.sign(claims(), { alg: 'ES256', kid: planted.kid, crit: ['exp'] }), ['forbidden_headers'], /"crit"/],
    ['expired', () => planted.sign(claims({ iat: Math.floor(Date.now() / 1000) - 1200, nbf: Math.floor(Date.now() / 1000) - 1200, exp: Math.floor(Date.now() / 1000) - 600 })), ['expiry'], /Expired 10 min ago/],
    ['nbf in the future', () => planted.sign(claims({ nbf: Math.floor(Date.now() / 1000) + 3600 })), ['not_before'], /Not valid before/],
    ['exp in milliseconds', () => planted.sign(claims({ exp: (Math.floor(Date.now() / 1000) + 300) * 1000 })), ['expiry'], /milliseconds/],
    ['exp a huge number', () => planted.sign(`{"iss":${JSON.stringify(a.org.issuer)},"sub":"s","aud":"sts.amazonaws.com","iat":${Math.floor(Date.now() / 1000)},"exp":1e400}`), ['expiry'], /not a finite number/],
    ['iat in the future', () => planted.sign(claims({ iat: Math.floor(Date.now() / 1000) + 3600 })), ['issued_at'], /future/],
    ['oversize (20001+ characters)', () => planted.sign(claims({ padding: 'x'.repeat(20_000) })), ['size'], /at most 20000/],
    ['duplicate sub', () => planted.sign(JSON.stringify(claims()).replace('{', `{"sub":"org:${a.org.id}:project:web:environment:other",`)), ['duplicate_keys'], /"sub" in the payload/],
    ['wrong audience', () => planted.sign(claims({ aud: 'api://somewhere-else' })), ['audience'], /allowed audiences/],
    ['sub missing', () => planted.sign(claims({ sub: undefined })), ['required_claims'], /sub is missing/],
    ['issuer with a trailing slash', () => planted.sign(claims({ iss: `${a.org.issuer}/` })), ['issuer'], /trailing slash/],
    ['HS256 signed with the published public key (JWK JSON)', () => hmacForgery('jwk'), ['algorithm', 'kid'], /shared-secret MAC/],
    ['HS256 signed with the published public key (PEM)', () => hmacForgery('pem'), ['algorithm', 'kid'], /shared-secret MAC/],
    ['two segments', () => parts().slice(0, 2).join('.'), ['structure'], /this has 2/],
    ['four segments', () => `${real}.x`, ['structure'], /this has 4/],
    ['payload not base64url', () => `${parts()[0]}.${parts()[1].slice(0, 10)}+/${parts()[1].slice(10)}.${parts()[2]}`, ['structure'], /payload \(part 2\) is not base64url: character 11/],
    ['header not JSON', () => `${b64('{alg:ES256}')}.${parts()[1]}.${parts()[2]}`, ['structure'], /header \(part 1\) is base64url, but what it decodes to is not JSON/],
    ['payload a JSON array', () => planted.sign([claims()]), ['structure'], /an array/],
    ['payload a JSON number', () => planted.sign(42), ['structure'], /a number/],
  ];
  let jwk: Record<string, unknown>;
  beforeAll(async () => {
    jwk = (await a.jwks()).keys.find((k) => k.kid === decodeJwt(real).header.kid) as Record<string, unknown>;
  });
  function hmacForgery(form: 'jwk' | 'pem'): string {
    const secret = form === 'jwk' ? JSON.stringify(jwk) : Buffer.from(JSON.stringify(jwk)).toString('base64');
    const input = `${b64({ alg: 'HS256', kid: decodeJwt(real).header.kid, typ: 'JWT' })}.${b64(claims())}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }

  it.each(cases)('%s', async (_name, make, expected, message) => {
    const { ok, checks } = await inspect(make());
    expect(ok).toBe(false);
    const ids = failing(checks);
    // Exactly the named checks fail, apart from checks skipped because the token is unreadable.
    expect(ids.filter((id) => !checks.find((c) => c.id === id)?.skipped)).toEqual(expected);
    const first = checks.find((c) => c.id === expected[0]);
    expect(first?.message).toMatch(message);
    for (const c of checks.filter((x) => !x.ok && !x.skipped)) expect(c.fix, `${c.id} says what to do`).toBeTruthy();
  });

  it('the signature check runs only with an acceptable algorithm, header and key (no key is fetched from the token)', async () => {
    const { checks } = await inspect(planted.sign(claims(), { alg: 'ES256', kid: planted.kid, jku: `${server.url}/api/health` }));
    expect(checks.find((c) => c.id === 'signature')).toMatchObject({ ok: false, skipped: true });
  });
});

describe('another organization’s token', () => {
  it('is "not issued by this organization", and reads exactly like a token of an organization that does not exist', async () => {
    const other = await b.mint();
    const fromB = (await inspect(other)).checks;
    expect(failing(fromB)).toEqual(['issuer', 'kid', 'signature']);
    expect(fromB.find((c) => c.id === 'issuer')?.message).toMatch(/^Not issued by this organization/);
    // A made-up organization: same shape, another id and kid. The answers differ only by those.
    const bClaims = decodeJwt(other).claims;
    const bKid = String(decodeJwt(other).header.kid);
    const ghostIss = `${server.publicUrl}/oidc/${randomId()}`;
    const ghostKid = randomBytes(bKid.length).toString('base64url').slice(0, bKid.length);
    const ghost = jws({ ...decodeJwt(other).header, kid: ghostKid }, { ...bClaims, iss: ghostIss }, other.split('.')[2] ?? '');
    const fromGhost = (await inspect(ghost)).checks;
    const normalize = (checks: Check[], iss: string, kid: string) => JSON.stringify(checks).split(iss).join('ISS').split(kid).join('KID');
    expect(normalize(fromB, String(bClaims.iss), bKid)).toBe(normalize(fromGhost, ghostIss, ghostKid));
  });
  it('a member of B asks about A’s token in B: not issued by B', async () => {
    const r = expectStatus(await inspectAs(b.owner, { token: real, orgId: b.org.id }), 200).json;
    expect(failing(r.checks)).toEqual(['issuer', 'kid', 'signature']);
  });
});

describe('recorded IAM OIDC providers: the audience must be one of their client IDs', () => {
  it('fails when the provider lists other client IDs, passes once one lists it', async () => {
    const refusing = await insertProvider(db, a.org.id, { accountId: '111122223333', issuerUrl: a.org.issuer, audiences: ['api://only-this'] });
    try {
      const { checks } = await inspect(real);
      expect(failing(checks)).toEqual(['audience']);
      expect(checks.find((c) => c.id === 'audience')?.message).toContain('arn:aws:iam::111122223333:oidc-provider/');
      const accepting = await insertProvider(db, a.org.id, { accountId: '444455556666', issuerUrl: a.org.issuer, audiences: ['sts.amazonaws.com'] });
      try {
        const again = await inspect(real);
        expect(failing(again.checks)).toEqual([]);
        expect(again.checks.find((c) => c.id === 'audience')?.message).toContain('444455556666');
      } finally {
        await deleteProvider(db, accepting);
      }
    } finally {
      await deleteProvider(db, refusing);
    }
  });
});

describe('bad input: a named failing check or a 400 with a code, never a 5xx, never a hang', () => {
  it.each([
    ['empty', { token: '' }, 'token'],
    ['white space only', { token: ' \n\t ' }, 'token'],
    ['a number', { token: 42 }, 'token'],
    ['null', { token: null }, 'token'],
    ['missing', {}, 'token'],
    ['an unknown field', { token: 'a.b.c', extra: 1 }, '(body)'],
  ])('%s → 400 invalid_request naming the field', async (_n, body, path) => {
    const r = expectStatus(await inspectAs(a.workload, body, a.token.token), 400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
  it('a JSON array or a bare string as the body → 400 invalid_request; not JSON → 400 invalid_json', async () => {
    expect(expectStatus(await inspectAs(a.workload, [real], a.token.token), 400).json.error.code).toBe('invalid_request');
    expect(expectStatus(await inspectAs(a.workload, real, a.token.token), 400).json.error.code).toBe('invalid_request');
    const raw = await a.workload.request('POST', '/api/v1/tokens/inspect', { rawBody: '{"token":', origin: null, headers: { Authorization: `Bearer ${a.token.token}` } });
    expect(expectStatus(raw, 400).json.error.code).toBe('invalid_json');
  });
  it('an environment token may only name its own organization; a person naming one must be a member (404 otherwise)', async () => {
    expect(expectStatus(await inspectAs(a.workload, { token: real, orgId: b.org.id }, a.token.token), 404).json.error.code).toBe('not_found');
    expect(expectStatus(await inspectAs(a.owner, { token: real, orgId: b.org.id }), 404).json.error.code).toBe('not_found');
    expect(expectStatus(await inspectAs(a.owner, { token: real, orgId: 'not-an-id' }), 400).json.error.issues[0].path).toBe('orgId');
  });
  it('a person without orgId: the organization the token names (if theirs), else their only one, else 400 naming orgId', async () => {
    expect(failing(expectStatus(await inspectAs(a.owner, { token: real }), 200).json.checks)).toEqual([]);
    // B's owner is only in B: A's token is checked against B, and is not issued by it.
    expect(failing(expectStatus(await inspectAs(b.owner, { token: real }), 200).json.checks)).toEqual(['issuer', 'kid', 'signature']);
    // With a second organization, a token naming neither needs orgId; one naming either picks it.
    const second = expectStatus(await a.owner.post('/api/v1/orgs', { name: 'Second', slug: `second-${randomId().slice(0, 8)}` }), 201).json;
    const garbage = expectStatus(await inspectAs(a.owner, { token: 'not.a.token' }), 400).json.error;
    expect(garbage).toMatchObject({ code: 'invalid_request', issues: [{ path: 'orgId' }] });
    expect(expectStatus(await inspectAs(a.owner, { token: await b.mint() }), 400).json.error.issues[0].path).toBe('orgId');
    const mine = expectStatus(await inspectAs(a.owner, { token: real }), 200).json;
    expect(mine.issuer).toBe(a.org.issuer);
    expect(failing(mine.checks)).toEqual([]);
    expect(expectStatus(await inspectAs(a.owner, { token: real, orgId: second.id }), 200).json.issuer).toBe(second.issuer);
  });
  it('1 MB strings: the size check fails by name (or the front door answers 413)', async () => {
    for (const token of ['a'.repeat(1_000_000), `${real}${'A'.repeat(999_000)}`, `${'é'.repeat(300_000)}.${'🚀'.repeat(100_000)}.x`]) {
      const r = await inspectAs(a.workload, { token }, a.token.token);
      expect([200, 413]).toContain(r.status);
      if (r.status === 200) expect(r.json.checks.find((c: Check) => c.id === 'size')).toMatchObject({ ok: false });
      else expect(r.json.error.code).toBe('payload_too_large');
    }
    const big = await inspectAs(a.workload, { token: 'x'.repeat(2 * 1024 * 1024) }, a.token.token);
    expect(big.status).toBe(413);
  });
  it('deep JSON nesting in the payload is a structure failure, not a crash', async () => {
    const deep = `${b64({ alg: 'ES256', kid: planted.kid })}.${b64(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)}.AAAA`;
    const { checks } = await inspect(deep);
    expect(checks.find((c) => c.id === 'structure')).toMatchObject({ ok: false });
    const objectDeep = `${b64({ alg: 'ES256', kid: planted.kid })}.${b64(`{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_001)}`)}.AAAA`;
    expect((await inspect(objectDeep)).checks.find((c) => c.id === 'structure')?.message).toMatch(/nests \d+ levels deep/);
  });

  it('1,000 generated garbage inputs: each a 200 with a failing named check or a 400 with a code; no 5xx', async () => {
    const generators: (() => string)[] = [
      () => randomBytes(randomInt(0, 400)).toString('base64url'),
      () => randomBytes(randomInt(1, 200)).toString('latin1'),
      () => Array.from({ length: randomInt(1, 7) }, () => randomBytes(randomInt(0, 60)).toString('base64url')).join('.'),
      () => `${b64(randomJson(3))}.${b64(randomJson(3))}.${randomBytes(randomInt(0, 80)).toString('base64url')}`,
      () => `${b64({ alg: pick(['none', 'HS256', 'ES256', 'RS256', 'es256', 'PS512', 'EdDSA', '', 7, null]), kid: pick([planted.kid, 'x', 1, null, undefined]), [pick(['jku', 'x5u', 'jwk', 'crit', 'typ'])]: 'x' })}.${b64(randomJson(2))}.${randomBytes(64).toString('base64url')}`,
      () => planted.sign({ ...claims(), exp: pick([1e400, -1, '1', 1e20, 0, null, 2 ** 53, 1.5]), iat: pick([Date.now(), 1e308, -1e308, 'now']) }),
      () => `${real.slice(0, randomInt(0, real.length))}${pick(['', '.', '..', '=', '\u0000', '\uFFFF', '\uD800', '🚀', ' '])}${real.slice(randomInt(0, real.length))}`,
      () => Array.from({ length: randomInt(1, 50) }, () => String.fromCodePoint(randomInt(0, 0x10ffff))).join(''),
    ];
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 50; batch++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const token = generators[(batch * 20 + i) % generators.length]?.() ?? '';
          const r = await inspectAs(a.workload, { token }, a.token.token);
          return { token, r };
        }),
      );
      for (const { token, r } of results) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect(r.status, `input ${JSON.stringify(token).slice(0, 120)} → ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status === 200) {
          expect(r.json.checks.map((c: Check) => c.id)).toEqual([...CHECK_IDS]);
          if (!r.json.ok) expect(r.json.checks.some((c: Check) => !c.ok && CHECK_IDS.includes(c.id as never))).toBe(true);
        } else {
          expect(r.status).toBe(400);
          expect(['invalid_request', 'invalid_json']).toContain(r.json.error.code);
        }
      }
    }
    expect([...statuses.values()].reduce((s, n) => s + n, 0)).toBe(1000);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(900);
  }, 120_000);
});

function pick<T>(values: readonly T[]): T {
  return values[randomInt(values.length)] as T;
}

function randomJson(depth: number): unknown {
  const kind = randomInt(depth > 0 ? 7 : 5);
  switch (kind) {
    case 0:
      return randomInt(-1e9, 1e9) * 10 ** randomInt(-5, 300);
    case 1:
      return randomBytes(randomInt(0, 30)).toString('base64');
    case 2:
      return pick([true, false, null]);
    case 3:
      return String.fromCodePoint(randomInt(0x20, 0x10ffff));
    case 4:
      return '';
    case 5:
      return Array.from({ length: randomInt(0, 4) }, () => randomJson(depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: randomInt(0, 5) }, () => [pick(['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'alg', 'kid', randomBytes(3).toString('hex')]), randomJson(depth - 1)]));
  }
}
