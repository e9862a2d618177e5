import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CHECK_IDS } from '@/lib/domain/jwt/token-checks';
import { b64 } from '../support/inspector-kit';
import { issuerFixture, type IssuerFixture } from '../support/issuer-kit';
import { ROOT } from '../support/server';

// `trustbridge token inspect` as a workload runs it: the built single-file CLI in a child process
// with a clean environment, the token on stdin, the server's checks printed, documented exit codes.
const server = inject('server');
const CLI = path.join(ROOT, 'dist/trustbridge.mjs');

function cli(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, input: input ?? '', env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('trustbridge token inspect', () => {
  let f: IssuerFixture;
  let env: Record<string, string>;
  beforeAll(async () => {
    f = await issuerFixture(server);
    env = { TRUSTBRIDGE_URL: server.url, TRUSTBRIDGE_TOKEN: f.token.token };
  });

  it('a fresh token from `idp token`, piped in: every check passes, exit 0', () => {
    const minted = cli(['idp', 'token'], env);
    expect(minted.status).toBe(0);
    const r = cli(['token', 'inspect'], env, `${minted.stdout}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`PASS  every check passed (issuer ${f.org.issuer})`);
    for (const id of CHECK_IDS) expect(r.stdout).toMatch(new RegExp(`^ok  {3}${id}\\s`, 'm'));
  });

  it('a tampered token: the failing check and its fix are printed, exit 9', async () => {
    const [h, , s] = (await f.mint()).split('.');
    const t = Math.floor(Date.now() / 1000);
    const tampered = `${h}.${b64({ iss: f.org.issuer, sub: 'org:x:project:y:environment:z', aud: 'sts.amazonaws.com', iat: t, exp: t + 60 })}.${s}`;
    const r = cli(['token', 'inspect'], env, tampered);
    expect(r.status).toBe(9);
    expect(r.stdout.split('\n')[0]).toMatch(/^FAIL {2}1 of 13 checks failed/);
    expect(r.stdout).toMatch(/^FAIL {2}signature\s+The signature does not match/m);
    expect(r.stdout).toMatch(/^\s+fix: The token was changed after it was signed/m);
  });

  it('--json prints the server’s answer; an unreadable token is a failing structure check (exit 9)', () => {
    const r = cli(['token', 'inspect', '--json'], env, 'not-a-token');
    expect(r.status).toBe(9);
    const answer = JSON.parse(r.stdout);
    expect(answer.ok).toBe(false);
    expect(answer.checks.find((c: { id: string }) => c.id === 'structure')).toMatchObject({ ok: false, message: expect.stringContaining('this has 1') });
  });

  it('nothing on stdin is a usage error (exit 2); missing configuration exits 3; a bad environment token 4', () => {
    const empty = cli(['token', 'inspect'], env, '  \n');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/No token on stdin/);
    expect(cli(['token', 'inspect'], { TRUSTBRIDGE_URL: server.url }, 'a.b.c').status).toBe(3);
    const bad = cli(['token', 'inspect'], { ...env, TRUSTBRIDGE_TOKEN: `tbe_${'C'.repeat(43)}` }, 'a.b.c');
    expect(bad.status).toBe(4);
  });

  it('the help names the command and exit code 9', () => {
    const r = cli(['--help'], {});
    expect(r.stdout).toContain('trustbridge token inspect [--json]');
    expect(r.stdout).toContain('9 token check failed');
  });
});
