// `npm run bench`: performance goals, measured (never asserted in tests). Results are printed as
// tables and written to bench/results/. On this machine (2 cores) the server under test is pinned
// to core 0 and the load generator to core 1 (taskset), like "one server core" in the issue.
//   1. page weight: first-load JS per route vs a blank page of the same stack (same build)
//   2. first contentful paint of the sign-in and dashboard pages (headless Chromium)
//   3. issuer: raw signing rate; oidc-provider's token endpoint as the peer; our token endpoint at
//      10 and 50 connections; discovery and JWKS; every issuance durably audited
//   4. trust-policy engine (bench/trust-policy.ts)
//   5. claim inspector: POST /api/v1/tokens/inspect at 50 connections (bench/token-inspect.ts)
//   6. deployment credentials: GET /api/v1/idp/aws, the effective-credential table of 10,000
//      environments (bench/credentials.ts)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { credentialsBench, stopping } from '../bench/credentials';
import { firstContentfulPaint } from '../bench/lib/first-paint';
import { pageWeightReport } from '../bench/lib/page-weight';
import { hasWrk, wrkLoad, type LoadConfig, type LoadResult } from '../bench/lib/wrk';
import { markdownTable, printTable, RESULTS_DIR, writeResults, type ResultRow } from '../bench/lib/report';
import { measured, perRound, summarize, type Measured, type Summary } from '../bench/lib/rounds';
import { signingRates } from '../bench/lib/signing-rate';
import { tokenInspectBench } from '../bench/token-inspect';
import { freePort } from '../tests/support/server';

const root = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** Rounds of the token-endpoint load tests (median reported; see bench/lib/rounds.ts). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const NEXT_DIR = '.next-bench';
const pin = (core: number) => (existsSync('/usr/bin/taskset') ? ['taskset', '-c', String(core)] : []);

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up`);
}

function start(command: string[], env: Record<string, string>): ChildProcess {
  const [cmd, ...args] = command;
  const log = process.env.BENCH_SERVER_LOG && args.includes('dist/server.mjs') ? openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore';
  return spawn(cmd ?? 'node', args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, 'inherit'] });
}

const WRK = hasWrk();
/** BENCH_ONLY=issuer (or page-weight, fcp, issuer, trust-policy, token-inspect, credentials; comma-separated) runs a subset. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'page-weight,fcp,issuer,trust-policy,token-inspect,credentials').split(',').map((g) => g.trim()));

/** wrk when installed (see bench/lib/wrk.ts), else autocannon in its own process. */
function load(config: LoadConfig): LoadResult {
  if (WRK) return wrkLoad(config, pin(1));
  const r = spawnSync(pin(1)[0] ?? process.execPath, [...pin(1).slice(1), ...(pin(1).length ? [process.execPath] : []), 'bench/lib/load.mjs', JSON.stringify(config)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`load generator failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

async function api(base: string, cookie: string, method: string, p: string, body?: unknown) {
  const response = await fetch(`${base}${p}`, { method, headers: { cookie, origin: base, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function main() {
  const started = Date.now();
  console.log('Building the production bundle for the benchmark (with the blank reference page)…');
  run(process.execPath, ['scripts/prisma-generate.mjs']);
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { TRUSTBRIDGE_BENCH_BUILD: '1', TRUSTBRIDGE_NEXT_DIST_DIR: NEXT_DIR });
  run(process.execPath, ['scripts/build-server.mjs']);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trustbridge-bench-'));
  const admin = { email: 'bench@trustbridge.test', password: 'bench-password-bench' };
  const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const server = start([...pin(0), process.execPath, ...nodeFlags, 'dist/server.mjs'], {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    TRUSTBRIDGE_DATA_DIR: dataDir,
    TRUSTBRIDGE_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
    TRUSTBRIDGE_ADMIN_EMAIL: admin.email,
    TRUSTBRIDGE_ADMIN_PASSWORD: admin.password,
    TRUSTBRIDGE_TOKEN_RATE_LIMIT: '1000000',
    TRUSTBRIDGE_LOG_LEVEL: 'warn',
    TRUSTBRIDGE_BENCH_BUILD: '1',
    TRUSTBRIDGE_NEXT_DIST_DIR: NEXT_DIR,
  });
  const peerPort = await freePort();
  const peer = start([...pin(0), process.execPath, 'bench/peer/oidc-provider-peer.mjs'], { PORT: String(peerPort), DEBUG: '' });
  const md: string[] = [`# Benchmark results\n\nNode ${process.version}, 2 cores; server pinned to core 0, load generator to core 1; ${DURATION} s per load test; token endpoints in ${ROUNDS} interleaved rounds (median).\n`];
  try {
    await waitFor(`${base}/api/health`, server);
    await waitFor(`http://127.0.0.1:${peerPort}/jwks`, peer);

    // Fixture: an organization with 100 environments, one token each.
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const org = await api(base, cookie, 'POST', '/api/v1/orgs', { name: 'Bench', slug: 'bench' });
    const orgId = String(org.id);
    const project = await api(base, cookie, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'Web', slug: 'web' });
    const tokens: string[] = [];
    let firstEnv = '';
    for (let i = 0; i < 100; i++) {
      const env = await api(base, cookie, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: project.id, name: `Env ${i}`, slug: `env-${i}`, stage: i % 3 === 0 ? 'production' : 'development' });
      firstEnv ||= String(env.id);
      const t = await api(base, cookie, 'POST', `/api/v1/orgs/${orgId}/environments/${env.id}/tokens`, { name: 'bench' });
      tokens.push(`Bearer ${String(t.token)}`);
    }

    // 1. Page weight
    const o = `/orgs/${orgId}`;
    const routes = [
      { name: '/sign-in', path: '/sign-in?bench=1', auth: false },
      { name: '/invite', path: '/invite', auth: false },
      { name: '/orgs/new', path: '/orgs/new', auth: true },
      { name: '/orgs/[orgId] (overview)', path: o, auth: true },
      { name: '/orgs/[orgId]/environments', path: `${o}/environments`, auth: true },
      { name: '/orgs/[orgId]/environments/[envId]', path: `${o}/environments/${firstEnv}`, auth: true },
      { name: '/orgs/[orgId]/aws', path: `${o}/aws`, auth: true },
      { name: '/orgs/[orgId]/trust-policies', path: `${o}/trust-policies`, auth: true },
      { name: '/orgs/[orgId]/trust-policies/new (builder)', path: `${o}/trust-policies/new`, auth: true },
      { name: '/orgs/[orgId]/credentials', path: `${o}/credentials`, auth: true },
      { name: '/orgs/[orgId]/inspector', path: `${o}/inspector`, auth: true },
      { name: '/orgs/[orgId]/audit', path: `${o}/audit`, auth: true },
      { name: '/orgs/[orgId]/settings', path: `${o}/settings`, auth: true },
      { name: '/orgs/[orgId]/settings/issuer', path: `${o}/settings/issuer`, auth: true },
      { name: '/orgs/[orgId]/settings/keys', path: `${o}/settings/keys`, auth: true },
    ];
    // /sign-in redirects signed-in users; measure it without the cookie.
    if (ONLY.has('page-weight')) {
      const weight = await pageWeightReport(base, cookie, routes);
      printTable('Page weight — first-load JavaScript per route', weight);
      writeResults('page-weight', weight);
      md.push(markdownTable('Page weight (first-load JavaScript)', weight));
    }

    // 2. First contentful paint
    if (ONLY.has('fcp')) {
      const fcp = await firstContentfulPaint(base, [
        { name: 'sign-in page', path: '/sign-in', cookie: null },
        { name: 'dashboard (overview)', path: o, cookie },
        { name: 'environments page', path: `${o}/environments`, cookie },
      ]);
      printTable('First contentful paint', fcp);
      writeResults('first-contentful-paint', fcp);
      md.push(markdownTable('First contentful paint', fcp));
    }

    // 3. Issuer
    if (ONLY.has('issuer')) await issuerBench();
    async function issuerBench() {
    const rates = await signingRates();
    const issuer: ResultRow[] = [
      { metric: 'raw signing, ES256 (node:crypto, this process)', value: rates.es256, unit: 'tokens/s' },
      { metric: 'raw signing, RS256 (node:crypto)', value: rates.rs256, unit: 'tokens/s' },
      { metric: 'jose SignJWT, ES256 (for comparison)', value: rates.joseEs256, unit: 'tokens/s' },
    ];
    const peerAuth = `Basic ${Buffer.from('bench:bench-secret-bench-secret-bench-secret').toString('base64')}`;
    const peerRequest = { url: `http://127.0.0.1:${peerPort}/token`, method: 'POST', headers: { authorization: peerAuth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=api' };
    const ourRequest = { url: `${base}/api/v1/idp/token`, method: 'POST', authorizations: tokens };
    // Every 2xx of ours (warm-ups included) must have its audit row. The load generator stops with
    // up to `connections` requests in flight whose tokens were issued (and audited) but whose
    // answers it drops, so the rows may exceed the 2xx count by at most that many per run.
    let issued = 0;
    let inFlightBound = 0;
    // While one server is measured the other is stopped (SIGSTOP): both are pinned to core 0, and
    // an idle process still runs timers and idle-time garbage collection there.
    const alone = <T>(other: ChildProcess, run: () => T): T => {
      other.kill('SIGSTOP');
      try {
        return run();
      } finally {
        other.kill('SIGCONT');
      }
    };
    const ours = (connections: number, duration: number) => {
      const r = alone(peer, () => measured(server.pid, () => load({ ...ourRequest, connections, duration })));
      issued += r.ok2xx;
      inFlightBound += connections;
      return r;
    };
    const theirs = (connections: number, duration: number) => alone(server, () => measured(peer.pid, () => load({ ...peerRequest, connections, duration })));
    const auditBefore = countIssuances(dataDir);
    for (const connections of [10, 50]) {
      theirs(connections, 2);
      ours(connections, 2);
    }
    // Interleaved rounds: peer and ours back to back at each connection count, the order flipping
    // every round, so that a noisy minute hits both (bench/lib/rounds.ts).
    const runs: Record<string, Measured[]> = { peer10: [], peer50: [], ours10: [], ours50: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of [10, 50] as const) {
        const order = round % 2 === 0 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const);
        for (const who of order) runs[`${who}${connections}`]?.push(who === 'peer' ? theirs(connections, DURATION) : ours(connections, DURATION));
      }
    }
    const audited = countIssuances(dataDir) - auditBefore;
    const [peer10, peer50, ours10, ours50] = (['peer10', 'peer50', 'ours10', 'ours50'] as const).map((k) => summarize(runs[k] ?? []));
    if (!peer10 || !peer50 || !ours10 || !ours50) throw new Error('no load results');
    const rows = (name: string, r: Summary, throughputGoal?: { goal: string; pass: boolean }, p99Goal?: number): ResultRow[] => [
      { metric: `${name}: throughput (median)`, value: r.requestsPerSecond, unit: 'req/s', ...throughputGoal, note: `rounds: ${perRound(r, (x) => x.requestsPerSecond)}` },
      { metric: `${name}: p50 latency (median)`, value: r.latencyP50, unit: 'ms', note: `rounds: ${perRound(r, (x) => x.latencyP50, 1)}` },
      {
        metric: `${name}: p99 latency (median)`,
        value: r.latencyP99,
        unit: 'ms',
        ...(p99Goal === undefined ? {} : { goal: `≤ ${p99Goal} ms`, pass: r.latencyP99 <= p99Goal }),
        note: `rounds: ${perRound(r, (x) => x.latencyP99, 1)}`,
      },
      { metric: `${name}: errors (non-2xx + socket, all rounds)`, value: r.failures, unit: '', goal: '0', pass: r.failures === 0 },
      { metric: `${name}: server CPU per request (median)`, value: r.cpuUsPerRequest ?? Number.NaN, unit: 'µs', note: `rounds: ${perRound(r, (x) => x.cpuUsPerRequest)}` },
    ];
    const twice = (o: Summary, p: Summary) => ({ goal: `≥ 2× peer (${Math.round(2 * p.requestsPerSecond)})`, pass: o.requestsPerSecond >= 2 * p.requestsPerSecond });
    issuer.push(...rows('peer oidc-provider /token, 10 conn', peer10), ...rows('peer oidc-provider /token, 50 conn', peer50));
    issuer.push(...rows('our /api/v1/idp/token, 10 conn', ours10, twice(ours10, peer10)), ...rows('our /api/v1/idp/token, 50 conn', ours50, twice(ours50, peer50), 25));
    if (ours50.cpuUsPerRequest && peer50.cpuUsPerRequest) {
      issuer.push({ metric: 'CPU per token, peer ÷ ours (50 conn, medians)', value: Math.round((peer50.cpuUsPerRequest / ours50.cpuUsPerRequest) * 100) / 100, unit: '×', note: `${peer50.cpuUsPerRequest} µs vs ${ours50.cpuUsPerRequest} µs of server CPU per token` });
    }
    issuer.push({
      metric: 'audit rows for issued tokens (committed before each response)',
      value: audited,
      unit: 'rows',
      goal: `${issued}–${issued + inFlightBound}`,
      pass: audited >= issued && audited <= issued + inFlightBound,
      note: `${issued} answers received; up to ${inFlightBound} more were in flight when the load stopped (warm-ups included)`,
    });

    const peerJwks = load({ url: `http://127.0.0.1:${peerPort}/jwks`, connections: 50, duration: DURATION });
    const jwks = load({ url: `${base}/oidc/${orgId}/.well-known/jwks.json`, connections: 50, duration: DURATION });
    const discovery = load({ url: `${base}/oidc/${orgId}/.well-known/openid-configuration`, connections: 50, duration: DURATION });
    issuer.push(
      { metric: 'peer oidc-provider JWKS, 50 conn', value: peerJwks.requestsPerSecond, unit: 'req/s' },
      { metric: 'our JWKS, 50 conn', value: jwks.requestsPerSecond, unit: 'req/s', goal: `≥ peer JWKS (${Math.round(peerJwks.requestsPerSecond)})`, pass: jwks.requestsPerSecond >= peerJwks.requestsPerSecond, note: `p99 ${jwks.latencyP99} ms, errors ${jwks.non2xx + jwks.errors}` },
      { metric: 'our discovery, 50 conn', value: discovery.requestsPerSecond, unit: 'req/s', goal: `≥ peer JWKS (${Math.round(peerJwks.requestsPerSecond)})`, pass: discovery.requestsPerSecond >= peerJwks.requestsPerSecond, note: `p99 ${discovery.latencyP99} ms, errors ${discovery.non2xx + discovery.errors}` },
    );
    printTable('Issuer (embedded SQLite)', issuer);
    writeResults('issuer', issuer, { database: 'sqlite', durationSeconds: DURATION, environments: tokens.length });
    md.push(markdownTable(`Issuer (embedded SQLite, 100 environments; load generator: ${WRK ? 'wrk' : 'autocannon'})`, issuer));
    }

    // 5. Claim inspector
    if (ONLY.has('token-inspect')) md.push(await tokenInspectBench({ base, authorization: tokens[0] ?? '', load, serverPid: server.pid, quiet: [peer], durationSeconds: DURATION, rounds: Math.min(ROUNDS, 3) }));

    // 6. Deployment credentials
    if (ONLY.has('credentials')) {
      md.push(await credentialsBench({ base, cookie, orgId, projectId: String(project.id), authorizations: tokens, serverPid: server.pid, load, quiet: stopping(peer), duration: DURATION, rounds: ROUNDS }));
    }
  } finally {
    server.kill('SIGTERM');
    peer.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }

  // 4. Trust-policy engine
  if (ONLY.has('trust-policy')) run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/trust-policy.ts']);
  writeFileSync(path.join(RESULTS_DIR, 'summary.md'), `${md.join('\n')}\nTrust-policy engine: see trust-policy.json.\n`);
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${path.relative(root, RESULTS_DIR)}/`);
}

function countIssuances(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'trustbridge.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT count(*) AS n FROM AuditEvent WHERE action = 'id_token.issue'").get() as { n: number };
    return Number(row.n);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
