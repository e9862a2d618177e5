import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAKE_STS_CASES, fakeRoleArn, startFakeSts, type FakeSts, type FakeStsCase } from '../support/fake-sts';
import { createEnvironment, createProject, createToken, expectStatus, ownerWithOrg, unique } from '../support/fixtures';
import type { TestClient } from '../support/http-client';
import { MOTO_ACCOUNT_ID } from '../support/moto';
import { ROOT } from '../support/server';

// `trustbridge idp login aws` and `idp credential-process`, run as a workload runs them (the built
// single file under plain Node, a clean environment), against moto's STS. The real AWS CLI then
// uses what they produced — the written profile, or a credential_process line — and moto's
// GetCallerIdentity names the role it assumed (assumed-role/<role>/<session>), which proves which
// role won: override > project > organization, TRUSTBRIDGE_AWS_ROLE_ARN over them, --role-arn over all.
const server = inject('server');
const motoUrl = inject('motoUrl');
const CLI = path.join(ROOT, 'dist/trustbridge.mjs');
const ARN = (name: string) => `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/${name}`;

let owner: TestClient;
let orgId: string;
let projectId: string;
let projectSlug: string;
let envId: string;
let token: string;
let home: string;
let fakeSts: FakeSts;

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    HOME: home,
    TRUSTBRIDGE_URL: server.url,
    TRUSTBRIDGE_TOKEN: token,
    AWS_ENDPOINT_URL_STS: motoUrl,
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...extra,
  };
}

/** Runs the CLI without blocking this process (the fake STS answers from it). */
function cli(args: string[], env: NodeJS.ProcessEnv = baseEnv(), options: { file?: string; uid?: number; gid?: number; cwd?: string } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.file ?? CLI, ...args], {
      env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** The real AWS CLI with only what a workload's shell would have (no ambient AWS keys). */
function awsCli(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync('aws', [...args, '--output', 'json'], { encoding: 'utf8', timeout: 60_000, env: { AWS_DEFAULT_REGION: 'us-east-1', ...env, PATH: process.env.PATH ?? '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: r.status === 0 ? (JSON.parse(r.stdout) as Record<string, string>) : null };
}

function callerArn(profile: string, env: NodeJS.ProcessEnv): string {
  const r = awsCli(['sts', 'get-caller-identity', '--profile', profile], env);
  expect(r.status, r.stderr).toBe(0);
  return String(r.json?.Arn);
}

const assumed = (role: string) => new RegExp(`^arn:aws:sts::${MOTO_ACCOUNT_ID}:assumed-role/${role}/${projectSlug.replace(/[.]/g, '\\.')}\\.runner$`);

beforeAll(async () => {
  const a = await ownerWithOrg(server);
  owner = a.owner.client;
  orgId = a.org.id;
  const project = await createProject(owner, orgId, unique('cli'));
  projectId = project.id;
  projectSlug = project.slug;
  envId = (await createEnvironment(owner, orgId, projectId, 'staging', 'runner')).id;
  token = (await createToken(owner, orgId, envId)).token;
  home = mkdtempSync(path.join(tmpdir(), 'tb-cli-aws-'));
  fakeSts = await startFakeSts();
});

afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  await fakeSts?.stop();
});

describe('which role wins', () => {
  it('nothing stored and no role given → exit 5 no_credential; a --role-arn needs nothing stored', async () => {
    const none = await cli(['idp', 'credential-process']);
    expect(none.status).toBe(5);
    expect(none.stderr).toMatch(/no_credential/);
    const given = await cli(['idp', 'credential-process', '--role-arn', ARN('adhoc')]);
    expect(given.status, given.stderr).toBe(0);
  });

  it('organization → project → environment override → TRUSTBRIDGE_AWS_ROLE_ARN → --role-arn, proven by moto’s assumed-role ARN through the AWS CLI', async () => {
    const env = baseEnv();
    const login = async (args: string[] = [], extra: Record<string, string> = {}) => {
      const r = await cli(['idp', 'login', 'aws', '--profile', 'ci', ...args], { ...env, ...extra });
      expect(r.status, r.stderr).toBe(0);
      return callerArn('ci', env);
    };
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: unique('org'), roleArn: ARN('org-role') }), 201);
    expect(await login()).toMatch(assumed('org-role'));
    expectStatus(await owner.post(`/api/v1/orgs/${orgId}/credentials`, { name: unique('proj'), roleArn: ARN('project-role'), projectId }), 201);
    expect(await login()).toMatch(assumed('project-role'));
    expectStatus(await owner.put(`/api/v1/orgs/${orgId}/environments/${envId}/override`, { roleArn: ARN('override-role') }), 201);
    expect(await login()).toMatch(assumed('override-role'));
    expect(await login([], { TRUSTBRIDGE_AWS_ROLE_ARN: ARN('env-var-role') })).toMatch(assumed('env-var-role'));
    expect(await login(['--role-arn', ARN('flag-role')], { TRUSTBRIDGE_AWS_ROLE_ARN: ARN('env-var-role') })).toMatch(assumed('flag-role'));
  });

  it('a credential_process line in the AWS config gives the AWS CLI self-refreshing credentials of the effective role (or of its --role-arn)', async () => {
    const dir = mkdtempSync(path.join(home, 'cp-'));
    const config = path.join(dir, 'config');
    writeFileSync(
      config,
      `[profile tb]\ncredential_process = ${process.execPath} ${CLI} idp credential-process\nregion = us-east-1\n\n[profile tb-flag]\ncredential_process = ${process.execPath} ${CLI} idp credential-process --role-arn ${ARN('process-flag-role')}\nregion = us-east-1\n`,
    );
    const env = baseEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') });
    expect(callerArn('tb', env)).toMatch(assumed('override-role'));
    expect(callerArn('tb-flag', env)).toMatch(assumed('process-flag-role'));
  });
});

describe('idp credential-process', () => {
  it('prints exactly the credential_process JSON (Version 1) on stdout, nothing on stderr; the duration reaches STS', async () => {
    const before = Date.now();
    const r = await cli(['idp', 'credential-process', '--duration-seconds', '900']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretAccessKey', 'SessionToken', 'Version']);
    expect(out.Version).toBe(1);
    for (const k of ['AccessKeyId', 'SecretAccessKey', 'SessionToken']) expect(typeof out[k] === 'string' && (out[k] as string).length > 0).toBe(true);
    const expires = Date.parse(String(out.Expiration));
    expect(String(out.Expiration)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Math.abs(expires - before - 900_000)).toBeLessThan(120_000);
  });

  it('runs from the built file copied alone into an empty directory (the AWS SDK is inside it)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-cli-copy-'));
    try {
      const copy = path.join(dir, 'trustbridge.mjs');
      copyFileSync(CLI, copy);
      const r = await cli(['idp', 'credential-process'], baseEnv(), { file: copy, cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).Version).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('idp login aws writes the shared files carefully', () => {
  const OTHERS_BEFORE = '# Personal keys — do not touch\r\n[default]\r\naws_access_key_id = AKIAPERSONAL0000000\r\naws_secret_access_key = personal-secret\r\n\r\n; production, read-only\r\n[prod]\r\naws_access_key_id=AKIAPROD00000000000\r\n';
  const OTHERS_AFTER = '\r\n[zeta]\r\n# last profile, no newline at the end\r\naws_access_key_id = AKIAZETA\r\nregion = ap-south-1';

  it('replaces only its profile’s keys: every other profile, comment, blank line and CRLF kept byte for byte; mode 0600; nothing left behind', async () => {
    const dir = mkdtempSync(path.join(home, 'files-'));
    const credentials = path.join(dir, 'credentials');
    const config = path.join(dir, 'config');
    const ours = '[ci]\r\noutput = json\r\naws_access_key_id = ASIAOLDOLDOLD\r\n# our own comment stays\r\naws_session_token = old-token\r\n';
    writeFileSync(credentials, OTHERS_BEFORE + ours + OTHERS_AFTER, { mode: 0o644 });
    const configBefore = '[default]\nregion = us-east-1\n\n[profile other]\noutput = text\n';
    writeFileSync(config, configBefore);
    const env = baseEnv({ AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config });
    const r = await cli(['idp', 'login', 'aws', '--profile', 'ci', '--region', 'eu-central-1'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote profile "ci"/);

    const after = readFileSync(credentials, 'utf8');
    expect(after.startsWith(OTHERS_BEFORE)).toBe(true);
    expect(after.endsWith(OTHERS_AFTER)).toBe(true);
    expect(after.slice(OTHERS_BEFORE.length, after.length - OTHERS_AFTER.length)).toMatch(
      /^\[ci\]\r\noutput = json\r\naws_access_key_id = ASIA\w+\r\n# our own comment stays\r\naws_session_token = \S+\r\naws_secret_access_key = \S+\r\n$/,
    );
    expect(after).not.toContain('ASIAOLDOLDOLD');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readFileSync(config, 'utf8')).toBe(`${configBefore}\n[profile ci]\nregion = eu-central-1\n`);
    expect(readdirSync(dir).sort()).toEqual(['config', 'credentials']);
    // The AWS CLI reads both files: the profile works, with the Region from the config file.
    expect(callerArn('ci', env)).toMatch(/assumed-role\//);
    const region = spawnSync('aws', ['configure', 'get', 'region', '--profile', 'ci'], { encoding: 'utf8', env: { ...env, PATH: process.env.PATH ?? '' } });
    expect(region.stdout.trim()).toBe('eu-central-1');
  });

  it('creates ~/.aws and the file when there is none (default profile by default)', async () => {
    const dir = mkdtempSync(path.join(home, 'fresh-'));
    const env = baseEnv({ HOME: dir, AWS_SHARED_CREDENTIALS_FILE: '', AWS_CONFIG_FILE: '' });
    const r = await cli(['idp', 'login', 'aws'], env);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, '.aws', 'credentials'), 'utf8');
    expect(text).toMatch(/^\[default\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\n$/);
    expect(statSync(path.join(dir, '.aws', 'credentials')).mode & 0o777).toBe(0o600);
  });

  it('concurrent logins into one file keep every profile (the read-modify-write is serialised), and leave no lock behind', async () => {
    const dir = mkdtempSync(path.join(home, 'concurrent-'));
    const credentials = path.join(dir, 'credentials');
    writeFileSync(credentials, OTHERS_BEFORE, { mode: 0o600 });
    const env = baseEnv({ AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: path.join(dir, 'config') });
    const profiles = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const runs = await Promise.all(profiles.map((p) => cli(['idp', 'login', 'aws', '--profile', p], env)));
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const after = readFileSync(credentials, 'utf8');
    expect(after.startsWith(OTHERS_BEFORE)).toBe(true);
    for (const p of profiles) expect(after, p).toMatch(new RegExp(`\\[${p}\\]\\r?\\naws_access_key_id = ASIA\\w+`));
    expect(readdirSync(dir).sort()).toEqual(['credentials']);
  });

  it('a failed write (read-only directory) leaves the existing file byte for byte and exits 3 naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-ro-'));
    try {
      chmodSync(dir, 0o755);
      const awsDir = path.join(dir, 'aws');
      mkdirSync(awsDir);
      const credentials = path.join(awsDir, 'credentials');
      const original = `${OTHERS_BEFORE}[ci]\r\naws_access_key_id = ASIAKEEPME\r\n`;
      writeFileSync(credentials, original, { mode: 0o644 });
      chmodSync(awsDir, 0o555);
      // root ignores directory permissions: run the CLI as nobody then — from a copy in this
      // world-readable directory (the checkout may sit under a directory only its owner can enter).
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const copy = path.join(dir, 'trustbridge.mjs');
      copyFileSync(CLI, copy);
      chmodSync(copy, 0o644);
      const env = baseEnv({ HOME: dir, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: path.join(awsDir, 'config') });
      const r = await cli(['idp', 'login', 'aws', '--profile', 'ci'], env, { ...asUser, file: copy, cwd: dir });
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain(credentials);
      expect(r.stderr).toMatch(/left unchanged/);
      expect(readFileSync(credentials, 'utf8')).toBe(original);
      expect(readdirSync(awsDir)).toEqual(['credentials']);
    } finally {
      chmodSync(path.join(dir, 'aws'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input is refused before any network call, naming the limit', () => {
  // TRUSTBRIDGE_URL points nowhere: a network call would exit 6, not these codes.
  const offline = () => baseEnv({ TRUSTBRIDGE_URL: 'http://127.0.0.1:1' });
  it.each([
    [['idp', 'login', 'aws', '--duration-seconds', '899'], 2, /900 to 43200/],
    [['idp', 'credential-process', '--duration-seconds', '43201'], 2, /900 to 43200/],
    [['idp', 'credential-process', '--duration-seconds', '1h'], 2, /whole number of seconds/],
    [['idp', 'credential-process', '--role-arn', 'arn:aws:iam::123456789012:user/alice'], 2, /--role-arn is not an IAM role ARN: .*not a role/],
    [['idp', 'credential-process', '--role-arn', 'arn:aws:iam::12345:role/x'], 2, /12 digits/],
    [['idp', 'login', 'aws', '--profile', 'two words'], 2, /--profile/],
    [['idp', 'login', 'aws', '--region', 'Europe'], 2, /--region must be an AWS Region/],
    [['idp', 'credential-process', '--profile', 'x'], 2, /Unknown option '--profile'/],
  ])('%j → exit %i', async (args, code, message) => {
    const r = await cli(args, offline());
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('an invalid TRUSTBRIDGE_AWS_ROLE_ARN → exit 3 (configuration)', async () => {
    const r = await cli(['idp', 'credential-process'], baseEnv({ TRUSTBRIDGE_URL: 'http://127.0.0.1:1', TRUSTBRIDGE_AWS_ROLE_ARN: 'arn:aws:s3:::bucket' }));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/TRUSTBRIDGE_AWS_ROLE_ARN is not an IAM role ARN/);
  });

  it('an unknown command lists the commands that exist (exit 2)', async () => {
    const r = await cli(['idp', 'login', 'gcp']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown command: trustbridge idp login gcp/);
    for (const c of ['trustbridge idp token', 'trustbridge idp login aws', 'trustbridge idp credential-process']) expect(r.stderr).toContain(c);
  });
});

describe('every STS failure explained, exit 8, no secret on stderr', () => {
  const cases: [FakeStsCase, RegExp, RegExp][] = [
    ['no-provider', /no OIDC identity provider for this issuer/, /provider step of the AWS setup wizard/],
    ['wrong-audience', /audience is not a client ID/, /Add "sts\.amazonaws\.com" to the provider's client IDs/],
    ['no-jwks', /could not fetch the issuer’s signing keys/, /PUBLIC_URL must be a public https URL/],
    ['access-denied', /trust policy does not admit this environment/, /trust policy/],
    ['too-long', /above the role’s maximum/, /MaxSessionDuration/],
    ['idp-down', /could not reach the issuer/, /PUBLIC_URL/],
    ['expired', /had expired when AWS checked it/, /clock/],
    ['throttled', /throttled/, /Retry after a short wait/],
    ['unreachable', /could not be reached/, /network access to AWS STS/],
  ];
  it.each(cases)('%s', async (which, title, fix) => {
    const r = await cli(['idp', 'credential-process', '--role-arn', fakeRoleArn(which)], baseEnv({ AWS_ENDPOINT_URL_STS: fakeSts.url }));
    expect(r.status, r.stderr).toBe(8);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(title);
    expect(r.stderr).toMatch(fix);
    if (which !== 'unreachable') expect(r.stderr).toContain(`[${FAKE_STS_CASES[which].code}]`);
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('login aws: same explanation, and the credentials file is not touched', async () => {
    const credentials = path.join(home, 'untouched-credentials');
    writeFileSync(credentials, OTHERS());
    const r = await cli(['idp', 'login', 'aws', '--role-arn', fakeRoleArn('access-denied')], baseEnv({ AWS_ENDPOINT_URL_STS: fakeSts.url, AWS_SHARED_CREDENTIALS_FILE: credentials }));
    expect(r.status).toBe(8);
    expect(r.stderr).toMatch(/AccessDenied/);
    expect(readFileSync(credentials, 'utf8')).toBe(OTHERS());
  });

  it('the fake STS saw the real request: the role, the session name derived from the environment, the duration', async () => {
    const seen = fakeSts.requests.find((q) => q.RoleArn === fakeRoleArn('too-long'));
    expect(seen).toMatchObject({ Action: 'AssumeRoleWithWebIdentity', RoleSessionName: `${projectSlug}.runner` });
    expect(seen?.DurationSeconds).toMatch(/^\d+$/);
  });
});

const OTHERS = () => '[default]\naws_access_key_id = AKIAKEEP\n';
