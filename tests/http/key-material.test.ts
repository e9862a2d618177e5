import { createDecipheriv, createPrivateKey } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironment, createProject, createToken, ownerWithOrg } from '../support/fixtures';
import { TestClient } from '../support/http-client';
import { rmSync } from 'node:fs';
import { freePort, ROOT, startServer, TEST_MASTER_KEY, type RunningServer } from '../support/server';

// Private signing keys are never in plaintext: not in the database file, not in the JWKS or any
// response, not in the logs. The canaries are the private key itself, decrypted here with the
// master key the way the server does (AES-256-GCM, iv ‖ ciphertext ‖ tag, AAD = org + kid).

function decrypt(stored: string, orgId: string, kid: string, masterKey = TEST_MASTER_KEY): Buffer {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(masterKey, 'base64'), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`trustbridge/signing-key/v1/${orgId}/${kid}`));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
}

describe('key material at rest and in transit', () => {
  let server: RunningServer;
  const responses: string[] = [];
  let orgId: string;

  beforeAll(async () => {
    server = await startServer();
    const a = await ownerWithOrg(server);
    orgId = a.org.id;
    const client = a.owner.client;
    const project = await createProject(client, orgId);
    const env = await createEnvironment(client, orgId, project.id);
    const token = await createToken(client, orgId, env.id);
    const workload = new TestClient(server.url, server.publicUrl);
    responses.push((await workload.post('/api/v1/idp/token', undefined, { origin: null, headers: { Authorization: `Bearer ${token.token}` } })).text);
    for (const p of [`/oidc/${orgId}/.well-known/jwks.json`, `/oidc/${orgId}/.well-known/openid-configuration`]) responses.push((await workload.get(p)).text);
    for (const p of [`/api/v1/orgs/${orgId}/issuer`, `/api/v1/orgs/${orgId}/issuer/keys`, `/api/v1/orgs/${orgId}/audit?limit=200`, `/api/v1/orgs/${orgId}/audit/export?format=ndjson`]) responses.push((await client.get(p)).text);
    responses.push((await client.post(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 1 })).text);
  }, 60_000);
  afterAll(() => server?.stop());

  function rows() {
    const db = new Database(path.join(server.dataDir, 'trustbridge.db'), { readonly: true });
    try {
      return db.prepare('SELECT orgId, kid, encryptedPrivateKey FROM SigningKey WHERE orgId = ?').all(orgId) as { orgId: string; kid: string; encryptedPrivateKey: string }[];
    } finally {
      db.close();
    }
  }

  it('no canary of any private key appears in the database files, the responses or the log', () => {
    const keys = rows();
    expect(keys.length).toBe(2);
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('trustbridge.db')).map((f) => readFileSync(path.join(server.dataDir, f)));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const log = readFileSync(server.logFile, 'utf8');
    for (const row of keys) {
      const der = decrypt(row.encryptedPrivateKey, row.orgId, row.kid);
      const jwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }) as { d: string };
      const canaries = [jwk.d, Buffer.from(jwk.d, 'base64url').toString('base64'), der.toString('base64'), der.toString('hex'), der.subarray(-32).toString('hex')];
      for (const canary of canaries) {
        for (const file of files) expect(file.includes(Buffer.from(canary)), 'database file').toBe(false);
        for (const file of files) expect(file.includes(Buffer.from(jwk.d, 'base64url')), 'raw private scalar in the database file').toBe(false);
        for (const response of responses) expect(response).not.toContain(canary);
        expect(log).not.toContain(canary);
      }
    }
  });

  it('a ciphertext moved to another organization or kid does not decrypt (the AAD binds them)', () => {
    const [row] = rows();
    if (!row) throw new Error('no key');
    expect(() => decrypt(row.encryptedPrivateKey, row.orgId, `${row.kid}x`)).toThrow();
    expect(() => decrypt(row.encryptedPrivateKey, '01m8474fmb8q3dvcafhgt5c8g9', row.kid)).toThrow();
    const tampered = Buffer.from(row.encryptedPrivateKey, 'base64');
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => decrypt(tampered.toString('base64'), row.orgId, row.kid)).toThrow();
    expect(() => decrypt(row.encryptedPrivateKey, row.orgId, row.kid, Buffer.alloc(32, 1).toString('base64'))).toThrow();
  });

  it('the server refuses to start with a master key that does not decrypt the stored keys', async () => {
    await server.stop({ keepData: true });
    const port = await freePort();
    const r = spawnSync(process.execPath, ['dist/server.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: 'https://trustbridge.test', TRUSTBRIDGE_DATA_DIR: server.dataDir, TRUSTBRIDGE_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not decrypt with this master key/);
    rmSync(server.dataDir, { recursive: true, force: true });
  });
});
