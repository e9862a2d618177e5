import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { verifyIdToken } from '../../lib/server/security/verify-id-token';

// Rotation drill (issue 3): issue continuously while rotating — immediately, through a scheduled
// key made to activate, and again — and check that every token verifies against the JWKS as
// published at every moment from its issuance until it expires.
const server = inject('server');

interface Snapshot {
  at: number;
  keys: { kid: string; alg: string }[];
}

describe('rotation drill', () => {
  let owner: TestClient;
  let orgId: string;
  let issue: () => Promise<string>;
  let jwks: () => Promise<Snapshot['keys']>;

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    owner = a.owner.client;
    orgId = a.org.id;
    const project = await createProject(owner, orgId);
    const env = await createEnvironment(owner, orgId, project.id);
    const token = await createToken(owner, orgId, env.id);
    const workload = new TestClient(server.url, server.publicUrl);
    issue = async () => expectStatus(await workload.post('/api/v1/idp/token', undefined, { origin: null, headers: { Authorization: `Bearer ${token.token}` } }), 200).json.token as string;
    jwks = async () => expectStatus(await workload.get(`/oidc/${orgId}/.well-known/jwks.json`), 200).json.keys;
  });

  it('every token verifies against every JWKS published between its issuance and its expiry', async () => {
    const tokens: { token: string; at: number }[] = [];
    const snapshots: Snapshot[] = [];
    let running = true;
    const issuing = (async () => {
      while (running) {
        tokens.push({ token: await issue(), at: Date.now() });
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    const watching = (async () => {
      while (running) {
        const at = Date.now();
        snapshots.push({ at, keys: await jwks() });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(600);
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 0 }), 201);
    await pause(900);
    const scheduled = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 24 }), 201).json;
    await pause(900);
    // The scheduled key is published before it signs; now make it sign.
    expect((await jwks()).map((k) => k.kid)).toContain(scheduled.kid);
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 0 }), 201);
    await pause(900);
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 0 }), 201);
    await pause(2_600);
    running = false;
    await Promise.all([issuing, watching]);

    const kidsUsed = new Set(tokens.map((t) => JSON.parse(Buffer.from(t.token.split('.')[0] ?? '', 'base64url').toString()).kid as string));
    expect(kidsUsed.size).toBeGreaterThanOrEqual(4);
    expect(tokens.length).toBeGreaterThan(50);

    let checks = 0;
    for (const { token, at } of tokens) {
      // Snapshots fetched after the token was issued (allowing for the 2 s replica cache, this
      // process is the replica that issued it, so the JWKS it serves must already hold the key).
      for (const snapshot of snapshots.filter((s) => s.at >= at)) {
        const result = await verifyIdToken(token, {
          jwks: { keys: snapshot.keys },
          issuer: `https://trustbridge.test/oidc/${orgId}`,
          audience: 'sts.amazonaws.com',
          algorithms: ['ES256', 'RS256'],
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAgeSeconds: 3600,
          maxLength: 20_000,
          clockToleranceSeconds: 5,
        });
        if (!result.ok) throw new Error(`token issued at ${at} does not verify against the JWKS of ${snapshot.at}: ${result.code}`);
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(1000);
    // Sanity: the published keys are real public keys.
    for (const key of snapshots.at(-1)?.keys ?? []) expect(() => createPublicKey({ key: key as never, format: 'jwk' })).not.toThrow();
  }, 60_000);

  it('the keys API shows the states and dates', async () => {
    const keys = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer/keys`), 200).json.items as { state: string; retiredAt: string | null; publishedUntil: string | null }[];
    expect(keys.filter((k) => k.state === 'active')).toHaveLength(1);
    const retired = keys.filter((k) => k.state === 'retired');
    expect(retired.length).toBeGreaterThanOrEqual(3);
    for (const k of retired) expect(Date.parse(k.publishedUntil ?? '') - Date.parse(k.retiredAt ?? '')).toBe(2 * 3600 * 1000);
  });
});
