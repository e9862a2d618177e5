import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { verifyIndependently } from '../support/independent-verifier';
import { ROOT } from '../support/server';

// The CLI as a workload runs it: a child process with a clean environment.
const server = inject('server');
const CLI = path.join(ROOT, 'dist/trustbridge.mjs');

function cli(args: string[], env: Record<string, string>, file = CLI) {
  const r = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', timeout: 20_000, env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('trustbridge idp token', () => {
  let env: Record<string, string>;
  let owner: TestClient;
  let orgId: string;
  let envId: string;
  let tokenId: string;

  beforeAll(async () => {
    const a = await ownerWithOrg(server);
    owner = a.owner.client;
    orgId = a.org.id;
    const project = await createProject(owner, orgId, 'cli');
    envId = (await createEnvironment(owner, orgId, project.id, 'staging', 'runner')).id;
    const token = await createToken(owner, orgId, envId);
    tokenId = token.id;
    env = { TRUSTBRIDGE_URL: server.url, TRUSTBRIDGE_TOKEN: token.token };
  });

  it('prints a token that an independent verifier accepts', async () => {
    const r = cli(['idp', 'token'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const docs = {
      discovery: expectStatus(await owner.get(`/oidc/${orgId}/.well-known/openid-configuration`), 200).json,
      jwks: expectStatus(await owner.get(`/oidc/${orgId}/.well-known/jwks.json`), 200).json,
    };
    expect(verifyIndependently('pyjwt', docs, 'sts.amazonaws.com', r.stdout)).toMatchObject({ ok: true, claims: { sub: `org:${orgId}:project:cli:environment:runner` } });
  });

  it('--decode prints header and claims; --audience picks an allowed audience and a refused one exits 5', async () => {
    const decoded = cli(['idp', 'token', '--decode'], env);
    expect(decoded.status).toBe(0);
    expect(JSON.parse(decoded.stdout)).toMatchObject({ header: { alg: 'ES256', typ: 'JWT' }, claims: { environment_slug: 'runner', aud: 'sts.amazonaws.com' } });
    const refused = cli(['idp', 'token', '--audience', 'https://elsewhere.example'], env);
    expect(refused.status).toBe(5);
    expect(refused.stderr).toMatch(/audience_not_allowed/);
    const settings = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/issuer`), 200).json;
    expectStatus(await owner.patch(`/api/v1/orgs/${orgId}/issuer`, { audiences: ['sts.amazonaws.com', 'api://ci'], version: settings.version }), 200);
    await new Promise((r) => setTimeout(r, 2_100));
    const custom = cli(['idp', 'token', '--audience=api://ci', '--decode'], env);
    expect(custom.status).toBe(0);
    expect(JSON.parse(custom.stdout).claims.aud).toBe('api://ci');
  });

  it.each([
    [{ TRUSTBRIDGE_TOKEN: 'tbe_x' }, 3, /TRUSTBRIDGE_URL is not set/],
    [{ TRUSTBRIDGE_URL: 'http://127.0.0.1:1' }, 3, /TRUSTBRIDGE_TOKEN is not set/],
    [{ TRUSTBRIDGE_URL: 'not a url', TRUSTBRIDGE_TOKEN: `tbe_${'A'.repeat(43)}` }, 3, /not a URL/],
    [{ TRUSTBRIDGE_URL: 'http://trustbridge.example.com', TRUSTBRIDGE_TOKEN: `tbe_${'A'.repeat(43)}` }, 3, /must use https/],
    [{ TRUSTBRIDGE_URL: 'https://trustbridge.example.com', TRUSTBRIDGE_TOKEN: 'secret' }, 3, /does not look like an environment token/],
    [{ TRUSTBRIDGE_URL: 'http://127.0.0.1:1', TRUSTBRIDGE_TOKEN: `tbe_${'A'.repeat(43)}` }, 6, /Cannot reach Trustbridge/],
  ])('configuration problems exit with the documented code (%j → %i)', (vars, code, message) => {
    const r = cli(['idp', 'token'], vars);
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('an unknown token exits 4; a revoked one exits 4 with the reason', async () => {
    const unknown = cli(['idp', 'token'], { ...env, TRUSTBRIDGE_TOKEN: `tbe_${'B'.repeat(43)}` });
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toMatch(/invalid_token/);
    expectStatus(await owner.delete(`/api/v1/orgs/${orgId}/environments/${envId}/tokens/${tokenId}`), 204);
    const revoked = cli(['idp', 'token'], env);
    expect(revoked.status).toBe(4);
    expect(revoked.stderr).toMatch(/revoked/);
  });

  it('usage errors exit 2; --help and --version exit 0', () => {
    expect(cli(['idp', 'tokens'], env).status).toBe(2);
    expect(cli(['idp', 'token', '--nope'], env).status).toBe(2);
    expect(cli([], env).status).toBe(2);
    expect(cli(['--help'], env)).toMatchObject({ status: 0, stdout: expect.stringContaining('trustbridge idp token') });
    expect(cli(['--version'], env)).toMatchObject({ status: 0, stdout: '0.1.0' });
  });

  it('the built file is self-contained: copied alone into an empty directory it still works', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-cli-'));
    try {
      const copy = path.join(dir, 'trustbridge.mjs');
      copyFileSync(CLI, copy);
      const fresh = await createToken(owner, orgId, envId, 'copy');
      const r = spawnSync(process.execPath, [copy, 'idp', 'token', '--decode'], { cwd: dir, encoding: 'utf8', env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', TRUSTBRIDGE_URL: server.url, TRUSTBRIDGE_TOKEN: fresh.token } });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).claims.org_id).toBe(orgId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`npx trustbridge` works from the repository', async () => {
    const fresh = await createToken(owner, orgId, envId, 'npx');
    const r = spawnSync('npx', ['--no-install', 'trustbridge', 'idp', 'token', '--decode'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TRUSTBRIDGE_URL: server.url, TRUSTBRIDGE_TOKEN: fresh.token } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).claims.environment_id).toBe(envId);
  }, 60_000);
});
