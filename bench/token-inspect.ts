// Benchmark of POST /api/v1/tokens/inspect (issue 11): requests per second and latency at 50
// connections, with the CPU the server spends per inspection. Every request inspects a real, valid
// token of the benchmark organization as its environment (bearer environment token), so each one
// decodes, runs every check, reads the recorded providers and verifies the ES256 signature twice
// (the signature check and the strict helper's final verdict). Called from scripts/bench.ts
// (BENCH_ONLY=token-inspect) while its server runs.
import type { ChildProcess } from 'node:child_process';
import { fetchOnceMore } from './lib/fetch-once-more';
import { markdownTable, printTable, writeResults, type ResultRow } from './lib/report';
import { measured, perRound, summarize, type Measured } from './lib/rounds';
import type { LoadConfig, LoadResult } from './lib/wrk';

export interface TokenInspectBenchOptions {
  base: string;
  /** `Bearer tbe_…` of one environment of the benchmark organization. */
  authorization: string;
  load: (config: LoadConfig) => LoadResult;
  serverPid: number | undefined;
  /** Other processes on the server's core, stopped while it is measured. */
  quiet: ChildProcess[];
  durationSeconds: number;
  rounds: number;
}

const CONNECTIONS = 50;

export async function tokenInspectBench(o: TokenInspectBenchOptions): Promise<string> {
  const issued = await fetchOnceMore(`${o.base}/api/v1/idp/token`, { method: 'POST', headers: { authorization: o.authorization, 'content-type': 'application/json' }, body: '{}' });
  if (!issued.ok) throw new Error(`minting the benchmark token: ${issued.status} ${await issued.text()}`);
  const { token } = (await issued.json()) as { token: string };
  const body = JSON.stringify({ token });
  const probe = await fetchOnceMore(`${o.base}/api/v1/tokens/inspect`, { method: 'POST', headers: { authorization: o.authorization, 'content-type': 'application/json' }, body });
  const answer = (await probe.json()) as { ok?: boolean };
  if (probe.status !== 200 || answer.ok !== true) throw new Error(`the benchmark token does not pass every check: ${probe.status} ${JSON.stringify(answer).slice(0, 500)}`);

  const request: LoadConfig = { url: `${o.base}/api/v1/tokens/inspect`, method: 'POST', headers: { authorization: o.authorization, 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: o.durationSeconds };
  for (const p of o.quiet) p.kill('SIGSTOP');
  const runs: Measured[] = [];
  try {
    o.load({ ...request, duration: 2 });
    for (let round = 0; round < o.rounds; round++) runs.push(measured(o.serverPid, () => o.load(request)));
  } finally {
    for (const p of o.quiet) p.kill('SIGCONT');
  }
  const r = summarize(runs);
  const rows: ResultRow[] = [
    { metric: `POST /api/v1/tokens/inspect, ${CONNECTIONS} conn: throughput (median)`, value: r.requestsPerSecond, unit: 'req/s', note: `rounds: ${perRound(r, (x) => x.requestsPerSecond)}` },
    { metric: `POST /api/v1/tokens/inspect, ${CONNECTIONS} conn: p50 latency (median)`, value: r.latencyP50, unit: 'ms', note: `rounds: ${perRound(r, (x) => x.latencyP50, 1)}` },
    { metric: `POST /api/v1/tokens/inspect, ${CONNECTIONS} conn: p99 latency (median)`, value: r.latencyP99, unit: 'ms', note: `rounds: ${perRound(r, (x) => x.latencyP99, 1)}` },
    { metric: 'errors (non-2xx + socket, all rounds)', value: r.failures, unit: '', goal: '0', pass: r.failures === 0 },
    { metric: 'server CPU per inspection (median)', value: r.cpuUsPerRequest ?? Number.NaN, unit: 'µs', note: `rounds: ${perRound(r, (x) => x.cpuUsPerRequest)}` },
  ];
  printTable('Claim inspector (embedded SQLite)', rows);
  writeResults('token-inspect', rows, { database: 'sqlite', durationSeconds: o.durationSeconds, rounds: o.rounds, connections: CONNECTIONS });
  return markdownTable('Claim inspector: POST /api/v1/tokens/inspect (embedded SQLite, a valid ES256 token, environment-token auth)', rows);
}
