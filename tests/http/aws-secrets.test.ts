import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { awsPath, managedPolicy, orgTrustPolicy } from '../support/aws';
import { createOrg, expectStatus, signedInAdmin, unique } from '../support/fixtures';
import type { HttpResult } from '../support/http-client';
import { sharedServerDatabase } from '../support/issuer-kit';
import { motoClient, MOTO_ACCOUNT_ID } from '../support/moto';

// Pasted AWS credentials are used for one request and then forgotten: a canary set (unique access
// key id, secret and session token) goes through every AWS action — successful, failing half-way,
// refused by validation, by lint, by the account check — and is then searched for in every response,
// the server log (debug level), the database files (SQLite with its WAL, or a PostgreSQL dump plus
// every text column) and the audit log (API and export).

const server = inject('server');
const moto = motoClient(inject('motoUrl'));
const upper = () => randomBytes(12).toString('hex').toUpperCase();

describe('pasted AWS credentials', () => {
  it('never appear in a response, the log, the database or the audit log', async () => {
    const canary = { accessKeyId: `AKIA${upper()}`.slice(0, 20), secretAccessKey: `canary-secret-${randomBytes(15).toString('base64url')}`, sessionToken: `canary-token-${randomBytes(30).toString('base64url')}` };
    const secrets = [canary.accessKeyId, canary.secretAccessKey, canary.sessionToken];
    const admin = await signedInAdmin(server);
    const org = await createOrg(admin);
    const base = awsPath(org.id);
    const responses: HttpResult[] = [];
    const track = (r: HttpResult) => {
      responses.push(r);
      return r;
    };
    const withCanary = { awsCredentials: canary };

    // Successes: provider and role, each applied, verified, taken from AWS, deleted there.
    const provider = expectStatus(track(await admin.post(`${base}/providers`, { accountId: MOTO_ACCOUNT_ID, apply: true, ...withCanary })), 201).json;
    const policyArn = managedPolicy(moto);
    const role = expectStatus(track(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('canary'), trustPolicy: { preset: 'this-organization' }, managedPolicyArns: [policyArn], apply: true, ...withCanary })), 201).json;
    for (const [kind, record] of [['providers', provider], ['roles', role]] as const) {
      track(await admin.post(`${base}/${kind}/${record.id}/apply`, { prune: true, ...withCanary }));
      track(await admin.post(`${base}/${kind}/${record.id}/verify`, withCanary));
      track(await admin.post(`${base}/${kind}/${record.id}/adopt`, { version: record.version, ...withCanary }));
      track(await admin.post(`${base}/${kind}/${record.id}/delete-in-aws`, { confirm: true, ...withCanary }));
      track(await admin.post(`${base}/${kind}/${record.id}/delete-in-aws`, withCanary));
      track(await admin.get(`${base}/${kind}/${record.id}`));
      for (const format of ['cli', 'cloudformation', 'terraform', 'console']) track(await admin.get(`${base}/${kind}/${record.id}/export?format=${format}`));
    }

    // Failures: half-way (a policy that does not exist), another account, lint, validation, a stale version.
    expect(track(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('halfway'), trustPolicy: { preset: 'this-organization' }, managedPolicyArns: [`arn:aws:iam::${MOTO_ACCOUNT_ID}:policy/${unique('missing')}`], apply: true, ...withCanary })).status).toBe(400);
    expect(track(await admin.post(`${base}/roles`, { accountId: '111122223333', roleName: unique('mismatch'), trustPolicy: orgTrustPolicy(org.id, org.issuer, '111122223333'), apply: true, ...withCanary })).status).toBe(400);
    const noSub = orgTrustPolicy(org.id, org.issuer);
    delete (noSub.Statement[0]?.Condition as Record<string, unknown>).StringLike;
    expect(track(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('lint'), trustPolicy: noSub, apply: true, ...withCanary })).json.error.code).toBe('lint_errors');
    expect(track(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: 'bad name', trustPolicy: noSub, apply: true, ...withCanary })).status).toBe(400);
    expect(track(await admin.post(`${base}/roles`, { accountId: MOTO_ACCOUNT_ID, roleName: unique('x'), trustPolicy: noSub, apply: true, awsCredentials: { ...canary, secretAccessKey: `${canary.secretAccessKey}${'x'.repeat(200)}` } })).status).toBe(400);
    expect(track(await admin.post(`${base}/roles/${role.id}/adopt`, { version: 999, ...withCanary })).status).toBe(409);
    expect(track(await admin.post(`${base}/providers`, { accountId: MOTO_ACCOUNT_ID, apply: true, ...withCanary, extra: canary.secretAccessKey })).status).toBe(400);
    expect(track(await admin.request('POST', `${base}/roles`, { rawBody: `{"accountId":"${MOTO_ACCOUNT_ID}","awsCredentials":{"secretAccessKey":"${canary.secretAccessKey}"`, contentType: 'application/json' })).status).toBe(400);
    track(await admin.get(`${base}/trust-chain`));
    track(await admin.get(`${base}/roles`));

    expect(responses.length).toBeGreaterThan(30);
    for (const r of responses) {
      const everything = `${JSON.stringify(r.headers)}\n${r.text}`;
      for (const secret of secrets) expect(everything.includes(secret), `a response contains ${secret.slice(0, 10)}…: ${r.text.slice(0, 200)}`).toBe(false);
    }

    await new Promise((r) => setTimeout(r, 500));
    const log = readFileSync(server.logFile, 'utf8');
    expect(log).toContain(String(responses[0]?.headers['x-request-id']));
    for (const secret of secrets) expect(log.includes(secret), `the server log contains ${secret.slice(0, 10)}…`).toBe(false);

    const db = sharedServerDatabase();
    try {
      const stored = await db.everything();
      const rows = await db.all<{ c: number }>('SELECT COUNT(*) AS c FROM "AwsRole" WHERE "orgId" = ?', [org.id]);
      expect(Number(rows[0]?.c)).toBeGreaterThanOrEqual(2);
      for (const chunk of stored) for (const secret of secrets) expect(chunk.includes(Buffer.from(secret)), `the database contains ${secret.slice(0, 10)}…`).toBe(false);
    } finally {
      await db.close();
    }

    const audit = expectStatus(await admin.get(`/api/v1/orgs/${org.id}/audit?action=aws_&limit=200`), 200);
    expect((audit.json.items as unknown[]).length).toBeGreaterThan(10);
    const exported = expectStatus(await admin.get(`/api/v1/orgs/${org.id}/audit/export?format=ndjson`), 200).text;
    for (const secret of secrets) {
      expect(audit.text.includes(secret)).toBe(false);
      expect(exported.includes(secret)).toBe(false);
    }
  }, 120_000);
});
