import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { LoadResult } from './wrk';

// Load tests on a shared 2-core VM swing by ±30 % from one 10-second run to the next (neighbours,
// steal, cache). A single run decides nothing, so the issuer benchmark measures in rounds, with the
// two servers interleaved (the order flips every round), and reports the median of each, every
// round's figure beside it, and the server's CPU time per request (less sensitive to the noise).

export interface Measured extends LoadResult {
  /** Server CPU (user + system, all threads) per request, in µs; null without /proc. */
  cpuUsPerRequest: number | null;
}

export interface Summary {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  failures: number;
  cpuUsPerRequest: number | null;
  rounds: Measured[];
}

const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(r.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** CPU time a process has used so far (user + system, every thread), in ms; null where /proc is missing. */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Runs one load test and charges the server process's CPU time to it. */
export function measured(pid: number | undefined, run: () => LoadResult): Measured {
  const before = processCpuMs(pid);
  const result = run();
  const after = processCpuMs(pid);
  const cpuUsPerRequest = before === null || after === null || result.total === 0 ? null : Math.round(((after - before) * 1000) / result.total);
  return { ...result, cpuUsPerRequest };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function summarize(rounds: Measured[]): Summary {
  const cpu = rounds.map((r) => r.cpuUsPerRequest).filter((v): v is number => v !== null);
  return {
    requestsPerSecond: Math.round(median(rounds.map((r) => r.requestsPerSecond))),
    latencyP50: median(rounds.map((r) => r.latencyP50)),
    latencyP99: median(rounds.map((r) => r.latencyP99)),
    failures: rounds.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    cpuUsPerRequest: cpu.length === rounds.length ? median(cpu) : null,
    rounds,
  };
}

/** "5,120 / 6,880 / 7,010" — every round's figure, for the note column. */
export function perRound(summary: Summary, pick: (r: Measured) => number | null, digits = 0): string {
  return summary.rounds.map((r) => pick(r)?.toLocaleString('en-US', { maximumFractionDigits: digits }) ?? '–').join(' / ');
}
