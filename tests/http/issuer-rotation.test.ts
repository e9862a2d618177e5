import { describe, expect, inject, it } from 'vitest';
import { expectStatus } from '../support/fixtures';
import type { HttpResult } from '../support/http-client';
import { decodeJwt, issuanceAuditEvents, issuerFixture, kidOf, sleep, type IssuerFixture, type Jwk } from '../support/issuer-kit';
import { LIBRARIES, verifyBatch, type BatchCase } from '../support/relying-party';

// Rotation drill and emergency revoke on one replica (issue 3). Tokens are issued continuously
// while keys rotate — at once, on a schedule that activates by the clock, and to another
// algorithm — and JWKS snapshots are taken all along: every token must verify, with PyJWT and
// with joserfc, against every JWKS published after it was issued (until it expires).
// Two replicas: issuer-replicas.test.ts.

const server = inject('server');

interface Issued {
  token: string;
  kid: string;
  sentAt: number;
  receivedAt: number;
}

interface Snapshot {
  sentAt: number;
  jwks: { keys: Jwk[] };
  etag: string;
  algorithms: string[];
  discoveryEtag: string;
}

/**
 * Issues every `everyMs` (one loop per entry of `workers`, each its own environment, so the
 * per-environment rate limit is not what is tested) and snapshots JWKS + discovery every
 * `snapshotMs`, until stopped.
 */
function drill(f: IssuerFixture, options: { everyMs: number; snapshotMs: number; workers?: (() => Promise<HttpResult>)[] }) {
  const issued: Issued[] = [];
  const failures: string[] = [];
  const snapshots: Snapshot[] = [];
  let running = true;
  const issuing = (options.workers ?? [() => f.issue()]).map(async (issue) => {
    while (running) {
      const sentAt = Date.now();
      const r = await issue();
      const receivedAt = Date.now();
      if (r.status === 200) issued.push({ token: r.json.token, kid: kidOf(r.json.token), sentAt, receivedAt });
      else failures.push(`${r.status} ${r.text}`);
      await sleep(options.everyMs);
    }
  });
  const watching = (async () => {
    while (running) {
      const sentAt = Date.now();
      const jwks = await f.workload.get(`/oidc/${f.org.id}/.well-known/jwks.json`);
      const discovery = await f.workload.get(`/oidc/${f.org.id}/.well-known/openid-configuration`);
      if (jwks.status !== 200 || discovery.status !== 200) failures.push(`documents: ${jwks.status} ${discovery.status}`);
      else snapshots.push({ sentAt, jwks: jwks.json, etag: String(jwks.headers.etag), algorithms: discovery.json.id_token_signing_alg_values_supported, discoveryEtag: String(discovery.headers.etag) });
      await sleep(options.snapshotMs);
    }
  })();
  return {
    issued,
    failures,
    snapshots,
    stop: async () => {
      running = false;
      await Promise.all([...issuing, watching]);
    },
  };
}

/** Every (token, snapshot taken after the token was received) pair, verified by both libraries. */
function verifyAgainstLaterSnapshots(issuer: string, issued: readonly Issued[], snapshots: readonly Snapshot[]) {
  const cases: (BatchCase & { label: string })[] = [];
  for (const t of issued) {
    for (const s of snapshots) if (s.sentAt >= t.receivedAt) cases.push({ token: t.token, jwks: s.jwks, label: `token ${t.kid}@${t.receivedAt} vs JWKS@${s.sentAt} [${s.jwks.keys.map((k) => k.kid).join(',')}]` });
  }
  for (const library of LIBRARIES) {
    const results = verifyBatch(library, issuer, 'sts.amazonaws.com', cases);
    const failed = results.flatMap((reason, i) => (reason ? [`${cases[i]?.label}: ${reason}`] : []));
    expect(failed.slice(0, 5), `${library}: ${failed.length} of ${cases.length} failed`).toEqual([]);
  }
  return cases.length;
}

describe('rotation drill (one replica)', () => {
  it('issuing every 50 ms through an immediate rotation, a scheduled rotation activated by the clock, and a switch to RS256: every token verifies against every later JWKS; discovery always lists the published algorithms', async () => {
    const f = await issuerFixture(server);
    const issuer = `${server.publicUrl}/oidc/${f.org.id}`;
    const rotate = async (body: object) => expectStatus(await f.owner.post(`/api/v1/orgs/${f.org.id}/issuer/keys/rotate`, body), 201).json as { kid: string; activatesAt: string };
    const kid0 = kidOf(await f.mint());
    const run = drill(f, { everyMs: 50, snapshotMs: 100 });

    await sleep(500);
    const immediate = await rotate({ leadHours: 0 });
    await sleep(700);
    // Scheduled: published now, signs 3.6 s later — activation happens by the clock alone.
    const scheduleSent = Date.now();
    const scheduled = await rotate({ leadHours: 0.001 });
    const scheduledPublishedAt = Date.now();
    const activatesAt = Date.parse(scheduled.activatesAt);
    expect(activatesAt - scheduleSent).toBeGreaterThanOrEqual(3_600 - 50);
    expect(activatesAt - scheduledPublishedAt).toBeLessThanOrEqual(3_600);
    await sleep(activatesAt - Date.now() + 800);
    const rs = await rotate({ leadHours: 0, algorithm: 'RS256' });
    await sleep(800);
    await run.stop();

    expect(run.failures).toEqual([]);
    expect(run.issued.length).toBeGreaterThan(60);
    const order = [kid0, immediate.kid, scheduled.kid, rs.kid];
    expect(new Set(order).size).toBe(4);
    // One replica signs with one key at a time, in rotation order.
    const sequence = run.issued.map((t) => order.indexOf(t.kid));
    expect(sequence.every((k) => k >= 0)).toBe(true);
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    for (const kid of order) expect(run.issued.filter((t) => t.kid === kid).length, kid).toBeGreaterThanOrEqual(3);
    expect(decodeJwt(run.issued.at(-1)?.token ?? '').header.alg).toBe('RS256');

    // The scheduled key: published from the rotation on, never signing before its activation, and
    // signing from then on (the replica switches at the boundary, not at its next cache refresh).
    for (const s of run.snapshots.filter((x) => x.sentAt >= scheduledPublishedAt)) expect(s.jwks.keys.map((k) => k.kid)).toContain(scheduled.kid);
    for (const t of run.issued.filter((x) => x.kid === scheduled.kid)) expect(t.receivedAt).toBeGreaterThanOrEqual(activatesAt);
    for (const t of run.issued.filter((x) => x.kid === immediate.kid)) expect(t.sentAt).toBeLessThan(activatesAt + 250);

    // Discovery and JWKS describe the same key set at every moment (same ETag = same state).
    for (const s of run.snapshots.filter((x) => x.etag === x.discoveryEtag)) expect(s.algorithms).toEqual([...new Set(s.jwks.keys.map((k) => k.alg))].sort());
    expect(run.snapshots.filter((x) => x.etag === x.discoveryEtag).length).toBeGreaterThan(run.snapshots.length / 2);
    expect(run.snapshots.at(-1)?.algorithms).toEqual(['ES256', 'RS256']);
    // All four keys are still published (retired keys stay for their retention).
    expect(run.snapshots.at(-1)?.jwks.keys.map((k) => k.kid).sort()).toEqual([...order].sort());

    const checked = verifyAgainstLaterSnapshots(issuer, run.issued, run.snapshots);
    expect(checked).toBeGreaterThan(1000);
  }, 90_000);

  it('the keys API shows next / active / retired with their dates; a second scheduled rotation is a 409 conflict; leadHours 0 activates the scheduled key', async () => {
    const f = await issuerFixture(server);
    const keysUrl = `/api/v1/orgs/${f.org.id}/issuer/keys`;
    type KeyInfo = { kid: string; algorithm: string; state: string; createdAt: string; activatesAt: string; retiredAt: string | null; publishedUntil: string | null; removedAt: string | null; removalReason: string | null };
    const list = async () => expectStatus(await f.owner.get(keysUrl), 200).json.items as KeyInfo[];

    const [first] = await list();
    expect(first).toMatchObject({ algorithm: 'ES256', state: 'active', retiredAt: null, publishedUntil: null, removedAt: null, removalReason: null });
    expect(Date.parse(first?.activatesAt ?? '')).toBeLessThanOrEqual(Date.now());

    const before = Date.now();
    const next = expectStatus(await f.owner.post(`${keysUrl}/rotate`, { leadHours: 24 }), 201).json as { kid: string; activatesAt: string };
    expect(Date.parse(next.activatesAt) - before).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(Date.parse(next.activatesAt) - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    let keys = await list();
    expect(keys.map((k) => [k.kid, k.state])).toEqual([
      [next.kid, 'next'],
      [first?.kid, 'active'],
    ]);
    expect(keys[1]?.retiredAt).toBe(next.activatesAt); // it will retire when the next key activates
    expect(keys[0]).toMatchObject({ activatesAt: next.activatesAt, retiredAt: null, publishedUntil: null });
    expect((await f.jwks()).keys.map((k) => k.kid).sort()).toEqual([first?.kid, next.kid].sort());
    expect(kidOf(await f.mint())).toBe(first?.kid); // published, not signing

    const conflict = await f.owner.post(`${keysUrl}/rotate`, { leadHours: 1 });
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.code).toBe('conflict');
    for (const bad of [{ leadHours: -1 }, { leadHours: 169 }, { algorithm: 'HS256' }, { algorithm: 'EdDSA' }]) {
      const r = await f.owner.post(`${keysUrl}/rotate`, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }

    const activated = expectStatus(await f.owner.post(`${keysUrl}/rotate`, { leadHours: 0 }), 201).json as { kid: string; activatesAt: string };
    expect(activated.kid).toBe(next.kid);
    expect(kidOf(await f.mint())).toBe(next.kid);
    keys = await list();
    expect(keys.map((k) => [k.kid, k.state])).toEqual([
      [next.kid, 'active'],
      [first?.kid, 'retired'],
    ]);
    const retired = keys[1];
    expect(retired?.retiredAt).toBe(activated.activatesAt);
    // Published until every token it signed has expired (lifetime ≤ 60 min) plus a margin.
    const retention = Date.parse(retired?.publishedUntil ?? '') - Date.parse(retired?.retiredAt ?? '');
    expect(retention).toBeGreaterThan(3_600_000);
    expect((await f.jwks()).keys.map((k) => k.kid)).toContain(first?.kid);
    for (const k of keys) expect(Date.parse(k.createdAt)).toBeLessThanOrEqual(Date.parse(k.activatesAt) + 1);
  });
});

describe('emergency revoke (one replica)', () => {
  it('without {"confirm": true} → 400; with it the key leaves the JWKS at once, its tokens stop verifying, the scheduled key takes over (never the revoked key again, even under concurrent issuance)', async () => {
    const f = await issuerFixture(server);
    const issuer = `${server.publicUrl}/oidc/${f.org.id}`;
    const keysUrl = `/api/v1/orgs/${f.org.id}/issuer/keys`;
    const oldToken = await f.mint();
    const k0 = kidOf(oldToken);
    const jwksBefore = await f.jwks();
    const next = expectStatus(await f.owner.post(`${keysUrl}/rotate`, { leadHours: 24 }), 201).json as { kid: string };

    for (const body of [{}, { confirm: false }, { confirm: 'true' }, { confirm: 1 }]) {
      const r = await f.owner.post(`${keysUrl}/${k0}/revoke`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
    }
    expect((await f.jwks()).keys.map((k) => k.kid)).toContain(k0);
    expect(kidOf(await f.mint())).toBe(k0);

    const others = await Promise.all([1, 2, 3].map(() => f.addEnvironment()));
    const run = drill(f, { everyMs: 20, snapshotMs: 1_000, workers: [() => f.issue(), ...others.map((o) => () => o.issue())] });
    await sleep(400);
    const revoked = expectStatus(await f.owner.post(`${keysUrl}/${k0}/revoke`, { confirm: true }), 200).json;
    const revokedAt = Date.now();
    expect(revoked).toEqual({ kid: k0, replacementKid: next.kid });
    const jwksAfter = await f.jwks();
    const afterKids = jwksAfter.keys.map((k) => k.kid);
    expect(afterKids).not.toContain(k0);
    expect(afterKids).toEqual([next.kid]);
    await sleep(400);
    await run.stop();
    expect(run.failures).toEqual([]);
    const late = run.issued.filter((t) => t.sentAt >= revokedAt);
    expect(late.length).toBeGreaterThan(10);
    expect(late.filter((t) => t.kid === k0).map((t) => t.sentAt - revokedAt)).toEqual([]);
    expect(new Set(late.map((t) => t.kid))).toEqual(new Set([next.kid]));

    const fresh = await f.mint();
    expect(kidOf(fresh)).toBe(next.kid);
    for (const library of LIBRARIES) {
      // Verified before the revoke; no longer verifies against what is published now.
      expect(verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: oldToken, jwks: jwksBefore }]), library).toEqual([null]);
      const [refusal] = verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: oldToken, jwks: jwksAfter }]);
      expect(refusal, library).toEqual(expect.any(String));
      expect(verifyBatch(library, issuer, 'sts.amazonaws.com', [{ token: fresh, jwks: jwksAfter }]), library).toEqual([null]);
    }

    // Revoking the active key with nothing scheduled: a new key is created and signs at once.
    const second = expectStatus(await f.owner.post(`${keysUrl}/${next.kid}/revoke`, { confirm: true }), 200).json;
    expect(second.kid).toBe(next.kid);
    expect(second.replacementKid).toEqual(expect.any(String));
    expect((await f.jwks()).keys.map((k) => k.kid)).toEqual([second.replacementKid]);
    expect(kidOf(await f.mint())).toBe(second.replacementKid);

    // Revoking a scheduled (next) key: it leaves the JWKS, nothing else changes.
    const scheduled = expectStatus(await f.owner.post(`${keysUrl}/rotate`, { leadHours: 24 }), 201).json as { kid: string };
    expect(expectStatus(await f.owner.post(`${keysUrl}/${scheduled.kid}/revoke`, { confirm: true }), 200).json).toEqual({ kid: scheduled.kid, replacementKid: null });
    expect((await f.jwks()).keys.map((k) => k.kid)).toEqual([second.replacementKid]);
    expect(kidOf(await f.mint())).toBe(second.replacementKid);

    // Already removed, or unknown: 404.
    for (const kid of [k0, 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const r = await f.owner.post(`${keysUrl}/${kid}/revoke`, { confirm: true });
      expect(r.status, kid).toBe(404);
      expect(r.json.error.code).toBe('not_found');
    }
    const keys = expectStatus(await f.owner.get(keysUrl), 200).json.items as { kid: string; state: string; removalReason: string | null; removedAt: string | null }[];
    for (const kid of [k0, next.kid, scheduled.kid]) expect(keys.find((k) => k.kid === kid)).toMatchObject({ state: 'removed', removalReason: 'emergency_revoke', removedAt: expect.any(String) });
    const audit = expectStatus(await f.owner.get(`/api/v1/orgs/${f.org.id}/audit?action=signing_key.revoke`), 200).json.items as { target: { label: string }; before: { state: string } }[];
    expect(audit.map((e) => [e.target.label, e.before.state]).sort()).toEqual([[k0, 'active'], [next.kid, 'active'], [scheduled.kid, 'next']].sort());
    // Every issuance during the drill was audited.
    expect((await issuanceAuditEvents(f.owner, f.org.id)).length).toBe(run.issued.length + 5);
  }, 60_000);
});
