import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { decodeJwt, issuanceAuditEvents, issuerFixture, issueWith, kidOf, sleep, until, type IssuerFixture, type Jwk } from '../support/issuer-kit';
import { startPostgres, type RunningPostgres } from '../support/postgres';
import { LIBRARIES, verifyBatch, type BatchCase } from '../support/relying-party';
import { startServer, type RunningServer } from '../support/server';

// The scaled shape (issue 3): two app processes on ONE PostgreSQL database. Revocations, expiry,
// deletions, rotations and emergency revokes made through replica A reach replica B within the
// documented bound (issue: 5 s); a rotation drill across both replicas; and with the database
// gone the token endpoint fails closed. Runs in both test passes: it starts its own PostgreSQL.

const BOUND_MS = 5_000;

interface Issued {
  replica: 'A' | 'B';
  token: string;
  kid: string;
  sentAt: number;
  receivedAt: number;
}

interface Snapshot {
  replica: 'A' | 'B';
  sentAt: number;
  jwks: { keys: Jwk[] };
}

describe('two replicas on one PostgreSQL database', () => {
  let postgres: RunningPostgres;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    [a, b] = await Promise.all([startServer({ databaseUrl: postgres.url }), startServer({ databaseUrl: postgres.url })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    postgres?.stop();
  });

  /** An org made through A, with a client for B. */
  async function fixture() {
    const f = await issuerFixture(a);
    const onB = new TestClient(b.url, b.publicUrl);
    return {
      f,
      onB,
      issueOnA: (bearer = f.token.token) => issueWith(f.workload, bearer),
      issueOnB: (bearer = f.token.token) => issueWith(onB, bearer),
      jwksOn: async (replica: 'A' | 'B') => expectStatus(await (replica === 'A' ? f.workload : onB).get(`/oidc/${f.org.id}/.well-known/jwks.json`), 200).json as { keys: Jwk[] },
    };
  }

  /** Issues until a replica refuses the bearer (anything but 200); the refusal and how long it took. */
  const untilRefused = (label: string, issue: () => Promise<HttpResult>) =>
    until(label, async () => {
      const r = await issue();
      return r.status === 200 ? false : r;
    }, BOUND_MS + 2_000);

  it('an environment token revoked through A: 401 token_revoked on A at once, and on B within the bound', async () => {
    const x = await fixture();
    expect((await x.issueOnB()).status).toBe(200); // B has it cached as valid
    expectStatus(await x.f.owner.delete(`/api/v1/orgs/${x.f.org.id}/environments/${x.f.env.id}/tokens/${x.f.token.id}`), 204);
    const onA = await x.issueOnA();
    expect(onA.status).toBe(401);
    expect(onA.json.error.code).toBe('token_revoked');
    const { value, ms } = await untilRefused('B refuses the revoked token', () => x.issueOnB());
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.status).toBe(401);
    expect(value.json.error.code).toBe('token_revoked');
  });

  it('an environment token that expires: refused with 401 token_expired on both replicas within the bound of its expiry', async () => {
    const x = await fixture();
    const expiresAt = Date.now() + 2_500;
    const short = expectStatus(await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/environments/${x.f.env.id}/tokens`, { name: 'short', expiresAt: new Date(expiresAt).toISOString() }), 201).json as { token: string };
    expect((await x.issueOnA(short.token)).status).toBe(200);
    expect((await x.issueOnB(short.token)).status).toBe(200);
    await sleep(Math.max(0, expiresAt - Date.now()));
    for (const issue of [x.issueOnA, x.issueOnB]) {
      const { value } = await untilRefused('refused after expiry', () => issue(short.token));
      expect(Date.now() - expiresAt).toBeLessThan(BOUND_MS);
      expect(value.status).toBe(401);
      expect(value.json.error.code).toBe('token_expired');
    }
  });

  it('deleting the environment through A: its tokens stop working on B within the bound (401 invalid_token: they no longer exist)', async () => {
    const x = await fixture();
    expect((await x.issueOnB()).status).toBe(200);
    expectStatus(await x.f.owner.delete(`/api/v1/orgs/${x.f.org.id}/environments/${x.f.env.id}`), 204);
    expect((await x.issueOnA()).status).toBe(401);
    const { value, ms } = await untilRefused('B refuses the deleted environment’s token', () => x.issueOnB());
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.status).toBe(401);
    expect(value.json.error.code).toBe('invalid_token');
  });

  /** Issues on both replicas and snapshots both JWKS until stopped. */
  function drill(x: Awaited<ReturnType<typeof fixture>>, others: { token: { token: string } }[]) {
    const issued: Issued[] = [];
    const failures: string[] = [];
    const snapshots: Snapshot[] = [];
    let running = true;
    const bearers = [x.f.token.token, ...others.map((o) => o.token.token)];
    const loops = bearers.flatMap((bearer, i) =>
      (['A', 'B'] as const).map(async (replica) => {
        await sleep(i * 11 + (replica === 'B' ? 25 : 0));
        while (running) {
          const sentAt = Date.now();
          const r: HttpResult = await (replica === 'A' ? x.issueOnA(bearer) : x.issueOnB(bearer));
          const receivedAt = Date.now();
          if (r.status === 200) issued.push({ replica, token: r.json.token, kid: kidOf(r.json.token), sentAt, receivedAt });
          else failures.push(`${replica}: ${r.status} ${r.text}`);
          await sleep(60);
        }
      }),
    );
    const watching = (['A', 'B'] as const).map(async (replica) => {
      while (running) {
        const sentAt = Date.now();
        snapshots.push({ replica, sentAt, jwks: await x.jwksOn(replica) });
        await sleep(100);
      }
    });
    return {
      issued,
      failures,
      snapshots,
      stop: async () => {
        running = false;
        await Promise.all([...loops, ...watching]);
      },
    };
  }

  function verifyAll(issuer: string, cases: (BatchCase & { label: string })[]) {
    for (const library of LIBRARIES) {
      const results = verifyBatch(library, issuer, 'sts.amazonaws.com', cases);
      const failed = results.flatMap((reason, i) => (reason ? [`${cases[i]?.label}: ${reason}`] : []));
      expect(failed.slice(0, 5), `${library}: ${failed.length} of ${cases.length} failed`).toEqual([]);
    }
  }

  const label = (t: Issued, s: Snapshot) => `token ${t.replica}/${t.kid}@${t.receivedAt} vs ${s.replica} JWKS@${s.sentAt} [${s.jwks.keys.map((k) => k.kid).join(',')}]`;

  it('rotation drill across replicas — scheduled rotation through A: B publishes the next key within the bound and before it signs; both switch at its activation; every token from either replica verifies against every later JWKS of either replica', async () => {
    const x = await fixture();
    const others = await Promise.all([1, 2].map(() => x.f.addEnvironment()));
    const issuer = `${a.publicUrl}/oidc/${x.f.org.id}`;
    const k0 = kidOf((await x.issueOnB()).json.token);
    const run = drill(x, others);
    await sleep(500);
    // Lead 7.2 s: longer than the replicas' cache bound, as a real lead time (hours) is.
    const scheduled = expectStatus(await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/issuer/keys/rotate`, { leadHours: 0.002 }), 201).json as { kid: string; activatesAt: string };
    const rotatedAt = Date.now();
    const activatesAt = Date.parse(scheduled.activatesAt);
    const published = await until('B publishes the scheduled key', async () => (await x.jwksOn('B')).keys.some((k) => k.kid === scheduled.kid), BOUND_MS + 2_000, 50);
    expect(published.ms).toBeLessThan(BOUND_MS);
    expect(Date.now()).toBeLessThan(activatesAt);
    await sleep(activatesAt - Date.now() + 1_000);
    await run.stop();

    expect(run.failures).toEqual([]);
    for (const replica of ['A', 'B'] as const) {
      const mine = run.issued.filter((t) => t.replica === replica);
      expect(mine.filter((t) => t.kid === k0).length, replica).toBeGreaterThan(5);
      expect(mine.filter((t) => t.kid === scheduled.kid).length, replica).toBeGreaterThan(5);
      expect(mine.every((t) => t.kid === k0 || t.kid === scheduled.kid)).toBe(true);
    }
    // Activation is by the clock on every replica: no replica signs with the new key before it, or
    // with the old one after it (250 ms allow for one request in flight at the boundary).
    for (const t of run.issued.filter((i) => i.kid === scheduled.kid)) expect(t.receivedAt, t.replica).toBeGreaterThanOrEqual(activatesAt);
    for (const t of run.issued.filter((i) => i.kid === k0)) expect(t.sentAt - activatesAt, t.replica).toBeLessThan(250);
    // After publication reached B, every JWKS of either replica holds both keys.
    for (const s of run.snapshots.filter((s) => s.sentAt >= rotatedAt + published.ms)) expect(s.jwks.keys.map((k) => k.kid).sort(), s.replica).toEqual([k0, scheduled.kid].sort());

    const cases = run.issued.flatMap((t) => run.snapshots.filter((s) => s.sentAt >= t.receivedAt).map((s) => ({ token: t.token, jwks: s.jwks, label: label(t, s) })));
    expect(cases.length).toBeGreaterThan(2_000);
    verifyAll(issuer, cases);
  }, 90_000);

  it('immediate rotation (leadHours 0) through A: B signs with and publishes the new key within the bound; after the bound no two kids sign at once; tokens verify against both replicas’ JWKS once the bound has passed', async () => {
    const x = await fixture();
    const others = await Promise.all([1, 2].map(() => x.f.addEnvironment()));
    const issuer = `${a.publicUrl}/oidc/${x.f.org.id}`;
    const k0 = kidOf((await x.issueOnB()).json.token);
    const run = drill(x, others);
    await sleep(500);
    const rotated = expectStatus(await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/issuer/keys/rotate`, { leadHours: 0 }), 201).json as { kid: string };
    const rotatedAt = Date.now();
    const signs = await until('B signs with the new key', async () => kidOf(expectStatus(await x.issueOnB(), 200).json.token) === rotated.kid, BOUND_MS + 2_000);
    expect(signs.ms).toBeLessThan(BOUND_MS);
    expect((await x.jwksOn('B')).keys.map((k) => k.kid)).toContain(rotated.kid);
    await sleep(Math.max(0, rotatedAt + BOUND_MS + 500 - Date.now()));
    await run.stop();

    expect(run.failures).toEqual([]);
    // A switches at once (the replica that rotated); after the bound both sign with the new key only.
    for (const t of run.issued.filter((i) => i.replica === 'A' && i.sentAt > rotatedAt)) expect(t.kid).toBe(rotated.kid);
    const afterBound = run.issued.filter((t) => t.sentAt > rotatedAt + BOUND_MS);
    expect(afterBound.filter((t) => t.replica === 'B').length).toBeGreaterThan(5);
    expect(new Set(afterBound.map((t) => t.kid))).toEqual(new Set([rotated.kid]));
    expect(run.issued.filter((t) => t.replica === 'B' && t.kid === rotated.kid).length).toBeGreaterThan(5);
    expect(run.issued.some((t) => t.kid === k0)).toBe(true);
    // The old key stays published on both replicas (retired, within its retention).
    for (const s of run.snapshots.filter((s) => s.sentAt > rotatedAt + BOUND_MS)) expect(s.jwks.keys.map((k) => k.kid).sort()).toEqual([k0, rotated.kid].sort());

    // With lead 0 a replica that has not refreshed yet does not know the new key (the UI warns
    // about it); every token verifies against its own replica's later JWKS at once, and against
    // any replica's JWKS once the bound has passed.
    const cases = run.issued.flatMap((t) =>
      run.snapshots.filter((s) => (s.replica === t.replica && s.sentAt >= t.receivedAt) || s.sentAt >= t.receivedAt + BOUND_MS).map((s) => ({ token: t.token, jwks: s.jwks, label: label(t, s) })),
    );
    expect(cases.length).toBeGreaterThan(1_000);
    verifyAll(issuer, cases);
  }, 90_000);

  it('emergency revoke through A: the key leaves A’s JWKS at once and B’s within the bound; its tokens stop verifying; B signs with the replacement', async () => {
    const x = await fixture();
    const issuer = `${a.publicUrl}/oidc/${x.f.org.id}`;
    const old = expectStatus(await x.issueOnB(), 200).json.token as string;
    const kid = kidOf(old);
    const before = await x.jwksOn('B');
    expect((await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/issuer/keys/${kid}/revoke`, {})).status).toBe(400);
    const revoked = expectStatus(await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/issuer/keys/${kid}/revoke`, { confirm: true }), 200).json as { kid: string; replacementKid: string };
    const revokedAt = Date.now();
    expect(revoked.replacementKid).toEqual(expect.any(String));
    expect((await x.jwksOn('A')).keys.map((k) => k.kid)).toEqual([revoked.replacementKid]);
    expect(kidOf(expectStatus(await x.issueOnA(), 200).json.token)).toBe(revoked.replacementKid);
    const dropped = await until('B drops the revoked key', async () => !(await x.jwksOn('B')).keys.some((k) => k.kid === kid), BOUND_MS + 2_000);
    expect(dropped.ms).toBeLessThan(BOUND_MS);
    const after = await x.jwksOn('B');
    expect(after.keys.map((k) => k.kid)).toEqual([revoked.replacementKid]);
    const signs = await until('B signs with the replacement', async () => kidOf(expectStatus(await x.issueOnB(), 200).json.token) === revoked.replacementKid, BOUND_MS + 2_000);
    expect(Date.now() - revokedAt - signs.ms).toBeLessThan(BOUND_MS);
    const fresh = expectStatus(await x.issueOnB(), 200).json.token as string;
    expect(kidOf(fresh)).toBe(revoked.replacementKid);
    for (const library of LIBRARIES) {
      expect(verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: old, jwks: before }]), library).toEqual([null]);
      expect(verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: old, jwks: after }])[0], library).toEqual(expect.any(String));
      expect(verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: fresh, jwks: after }]), library).toEqual([null]);
    }
  }, 30_000);

  it('both replicas serve the same discovery and JWKS (same ETag) once the bound has passed', async () => {
    const x = await fixture();
    expectStatus(await x.f.owner.post(`/api/v1/orgs/${x.f.org.id}/issuer/keys/rotate`, { leadHours: 5 }), 201);
    const same = await until('same documents', async () => {
      const [ja, jb] = await Promise.all([x.f.workload.get(`/oidc/${x.f.org.id}/.well-known/jwks.json`), x.onB.get(`/oidc/${x.f.org.id}/.well-known/jwks.json`)]);
      return ja.text === jb.text && ja.headers.etag === jb.headers.etag ? ja : false;
    }, BOUND_MS + 2_000);
    expect(same.ms).toBeLessThan(BOUND_MS);
    expect(same.value.json.keys).toHaveLength(2);
    const [da, db] = await Promise.all([x.f.workload.get(`/oidc/${x.f.org.id}/.well-known/openid-configuration`), x.onB.get(`/oidc/${x.f.org.id}/.well-known/openid-configuration`)]);
    expect(da.text).toBe(db.text);
  });

  describe('fails closed when the database is unavailable', () => {
    it('database dropped under a running server (DROP DATABASE … WITH (FORCE)): 503 service_unavailable, never a token', async () => {
      const url = await postgres.createDatabase('doomed');
      const c = await startServer({ databaseUrl: url });
      try {
        const f: IssuerFixture = await issuerFixture(c);
        expect((await f.issue()).status).toBe(200); // token and issuer state now cached on C
        // A token never used (not cached) and an org never asked for (not cached).
        const unused = expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/environments/${f.env.id}/tokens`, { name: 'unused' }), 201).json as { token: string };
        const quiet = await issuerFixture(c);
        const admin = new pg.Client(postgres.url);
        await admin.connect();
        await admin.query('DROP DATABASE doomed WITH (FORCE)');
        await admin.end();
        const responses: HttpResult[] = [];
        const deadline = Date.now() + 3_000;
        while (Date.now() < deadline) {
          responses.push(await f.issue());
          await sleep(100);
        }
        expect(responses.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
        for (const r of responses) {
          expect(r.json).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
          expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
        const uncached = await f.issue(undefined, unused.token);
        expect(uncached.status).toBe(503);
        expect(uncached.json.error.code).toBe('service_unavailable');
        const documents = await f.workload.get(`/oidc/${quiet.org.id}/.well-known/openid-configuration`);
        expect(documents.status).toBe(503);
        expect(documents.json).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
        expect(documents.headers['cache-control']).toBe('no-store');
        const api = await f.owner.get(`/api/v1/orgs/${f.org.id}/issuer`);
        expect(api.status).toBe(503);
        expect(api.json.error.code).toBe('service_unavailable');
        const health = await f.workload.get('/api/health');
        expect(health.status).toBe(503);
      } finally {
        await c.stop();
      }
    }, 60_000);

    it('cluster stopped under both replicas: every token request gets 503 service_unavailable, no token, from the first request on', async () => {
      const x = await fixture();
      expect((await x.issueOnA()).status).toBe(200);
      const lastToken = expectStatus(await x.issueOnB(), 200).json.token as string;
      const issuedBefore = (await issuanceAuditEvents(x.f.owner, x.f.org.id)).length;
      expect(issuedBefore).toBe(2);
      postgres.stop();
      const responses: HttpResult[] = [];
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline) {
        responses.push(await x.issueOnA(), await x.issueOnB());
        await sleep(100);
      }
      expect(responses.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);
      for (const r of responses) {
        expect(r.json).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
        expect(r.json.token).toBeUndefined();
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expect((await x.onB.get('/api/health')).status).toBe(503);
      // The issuer documents keep being served from what the replica last knew (public keys only).
      const jwks = await x.onB.get(`/oidc/${x.f.org.id}/.well-known/jwks.json`);
      expect(jwks.status).toBe(200);
      expect(jwks.json.keys.map((k: Jwk) => k.kid)).toEqual([decodeJwt(lastToken).header.kid]);
    }, 60_000);
  });
});
