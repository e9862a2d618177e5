// Benchmark group `credentials` (BENCH_ONLY=credentials), run by scripts/bench.ts against its
// production server:
//   1. GET /api/v1/idp/aws — the workload's effective credential — at 50 connections, in rounds
//      (median), over 100 environments with their own tokens (organization credential, project
//      credentials and overrides mixed);
//   2. the effective-credential table of an organization with 10,000 environments (50 projects,
//      25 project credentials, an override on every 10th environment): one page of 200, a filtered
//      page, one environment, and the whole table walked page by page — client-observed ms, median.
import { fetchOnceMore } from './lib/fetch-once-more';
import { markdownTable, printTable, writeResults, type ResultRow } from './lib/report';
import { measured, median, perRound, summarize, type Measured } from './lib/rounds';
import type { LoadConfig, LoadResult } from './lib/wrk';

export interface CredentialsBenchContext {
  base: string;
  cookie: string;
  /** The issuer benchmark's organization and its 100 environment tokens ("Bearer tbe_…"). */
  orgId: string;
  projectId: string;
  authorizations: string[];
  serverPid: number | undefined;
  load: (config: LoadConfig) => LoadResult;
  /** Runs `fn` with everything but the server under test stopped. */
  quiet: <T>(fn: () => T) => T;
  duration: number;
  rounds: number;
}

const ENVIRONMENTS = 10_000;
const PROJECTS = 50;

async function call(ctx: CredentialsBenchContext, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await fetchOnceMore(`${ctx.base}${path}`, { method, headers: { cookie: ctx.cookie, origin: ctx.base, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}

/** Runs `tasks` with at most `width` in flight. */
async function pool(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await task(next++);
  }));
}

async function timeMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 10) / 10;
}

async function idpAws(ctx: CredentialsBenchContext): Promise<ResultRow[]> {
  // The issuer benchmark's organization gets an organization credential, its project a credential,
  // and every 4th of its environments an override.
  const orgId = ctx.orgId;
  await call(ctx, 'POST', `/api/v1/orgs/${orgId}/credentials`, { name: 'Bench org', roleArn: 'arn:aws:iam::111122223333:role/bench-org' });
  await call(ctx, 'POST', `/api/v1/orgs/${orgId}/credentials`, { name: 'Bench web', roleArn: 'arn:aws:iam::111122223333:role/bench-web', projectId: ctx.projectId, durationSeconds: 7200 });
  const envs = (await call(ctx, 'GET', `/api/v1/orgs/${orgId}/environments?limit=200`)).items as { id: string }[];
  await pool(envs.length, 4, async (i) => (i % 4 === 0 ? call(ctx, 'PUT', `/api/v1/orgs/${orgId}/environments/${envs[i]?.id}/override`, { roleArn: `arn:aws:iam::111122223333:role/bench-env-${i}` }) : undefined));
  const request = { url: `${ctx.base}/api/v1/idp/aws`, method: 'GET', authorizations: ctx.authorizations };
  ctx.quiet(() => ctx.load({ ...request, connections: 50, duration: 2 }));
  const rounds: Measured[] = [];
  for (let i = 0; i < ctx.rounds; i++) rounds.push(ctx.quiet(() => measured(ctx.serverPid, () => ctx.load({ ...request, connections: 50, duration: ctx.duration }))));
  const s = summarize(rounds);
  return [
    { metric: 'GET /api/v1/idp/aws, 50 conn: throughput (median)', value: s.requestsPerSecond, unit: 'req/s', note: `rounds: ${perRound(s, (x) => x.requestsPerSecond)}` },
    { metric: 'GET /api/v1/idp/aws, 50 conn: p50 latency (median)', value: s.latencyP50, unit: 'ms', note: `rounds: ${perRound(s, (x) => x.latencyP50, 1)}` },
    { metric: 'GET /api/v1/idp/aws, 50 conn: p99 latency (median)', value: s.latencyP99, unit: 'ms', note: `rounds: ${perRound(s, (x) => x.latencyP99, 1)}` },
    { metric: 'GET /api/v1/idp/aws, 50 conn: errors (all rounds)', value: s.failures, unit: '', goal: '0', pass: s.failures === 0 },
    { metric: 'GET /api/v1/idp/aws, 50 conn: server CPU per request (median)', value: s.cpuUsPerRequest ?? Number.NaN, unit: 'µs', note: `rounds: ${perRound(s, (x) => x.cpuUsPerRequest)}` },
  ];
}

async function table(ctx: CredentialsBenchContext): Promise<ResultRow[]> {
  const org = await call(ctx, 'POST', '/api/v1/orgs', { name: 'Bench 10k', slug: 'bench-10k' });
  const orgId = String(org.id);
  const started = performance.now();
  const projects: string[] = [];
  for (let i = 0; i < PROJECTS; i++) projects.push(String((await call(ctx, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: `P${i}`, slug: `p${i}` })).id));
  await call(ctx, 'POST', `/api/v1/orgs/${orgId}/credentials`, { name: 'Org', roleArn: 'arn:aws:iam::111122223333:role/org' });
  for (let i = 0; i < PROJECTS; i += 2) await call(ctx, 'POST', `/api/v1/orgs/${orgId}/credentials`, { name: `P${i}`, roleArn: `arn:aws:iam::111122223333:role/p${i}`, projectId: projects[i] });
  const stages = ['development', 'staging', 'production'];
  const ids: string[] = new Array<string>(ENVIRONMENTS);
  await pool(ENVIRONMENTS, 8, async (i) => {
    const env = await call(ctx, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: projects[i % PROJECTS], name: `E${i}`, slug: `e${i}`, stage: stages[i % 3] });
    ids[i] = String(env.id);
  });
  await pool(ENVIRONMENTS / 10, 8, async (i) => call(ctx, 'PUT', `/api/v1/orgs/${orgId}/environments/${ids[i * 10]}/override`, { roleArn: `arn:aws:iam::111122223333:role/e${i * 10}` }));
  const setupSeconds = Math.round((performance.now() - started) / 1000);

  const page = (query: string) => call(ctx, 'GET', `/api/v1/orgs/${orgId}/effective-credentials?limit=200${query}`);
  const walk = async () => {
    let cursor: unknown = null;
    let rows = 0;
    do {
      const p = await page(cursor ? `&cursor=${String(cursor)}` : '');
      rows += (p.items as unknown[]).length;
      cursor = p.nextCursor;
    } while (cursor);
    if (rows !== ENVIRONMENTS) throw new Error(`the table walk saw ${rows} rows, not ${ENVIRONMENTS}`);
  };
  const middle = ids[ENVIRONMENTS / 2] ?? '';
  const [first, filtered, deep, one, all] = await ctx.quiet(async () => [
    await timeMs(() => page(''), 30),
    await timeMs(() => page(`&stage=production&source=organization&projectId=${projects[1]}`), 30),
    await timeMs(() => page(`&cursor=${middle}`), 30),
    await timeMs(() => call(ctx, 'GET', `/api/v1/orgs/${orgId}/environments/${middle}/effective-credential`), 30),
    await timeMs(walk, 3),
  ]);
  return [
    { metric: `effective-credential table, ${ENVIRONMENTS.toLocaleString('en-US')} environments: first page of 200`, value: first, unit: 'ms', note: `median of 30; setup through the API took ${setupSeconds} s` },
    { metric: 'same, page of 200 from the middle (cursor)', value: deep, unit: 'ms', note: 'median of 30' },
    { metric: 'same, filtered page (project + stage + source=organization)', value: filtered, unit: 'ms', note: 'median of 30' },
    { metric: 'same, one environment (GET …/effective-credential)', value: one, unit: 'ms', note: 'median of 30' },
    { metric: `same, the whole table walked (${ENVIRONMENTS / 200} pages of 200)`, value: all, unit: 'ms', note: 'median of 3' },
  ];
}

export async function credentialsBench(ctx: CredentialsBenchContext): Promise<string> {
  const rows = [...(await idpAws(ctx)), ...(await table(ctx))];
  printTable('Deployment credentials (embedded SQLite)', rows);
  writeResults('credentials', rows, { database: 'sqlite', durationSeconds: ctx.duration, rounds: ctx.rounds });
  return markdownTable('Deployment credentials (embedded SQLite; client-observed times for the table)', rows);
}

/** `quiet` for a context: stops `other` (SIGSTOP) while `fn` runs, sync or async. */
export function stopping(other: { kill(signal: NodeJS.Signals): boolean }): <T>(fn: () => T) => T {
  return <T>(fn: () => T): T => {
    other.kill('SIGSTOP');
    let result: T;
    try {
      result = fn();
    } catch (error) {
      other.kill('SIGCONT');
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => other.kill('SIGCONT')) as T;
    other.kill('SIGCONT');
    return result;
  };
}
