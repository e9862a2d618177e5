import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Load generation with wrk (C, one thread, its own core) when it is installed: a JavaScript load
// generator on one core tops out near the rates measured here and its own event-loop delays show
// up as server latency, which hides the tail we want to see. The Lua script rotates the
// Authorization header over many environment tokens and prints one JSON line when done.

export interface LoadConfig {
  url: string;
  method?: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  body?: string;
  authorizations?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
}

export const hasWrk = (): boolean => spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;

const lua = (value: string) => JSON.stringify(value); // a JSON string literal is a valid Lua string literal for this ASCII input

function script(config: LoadConfig): string {
  const headers = Object.entries(config.headers ?? {})
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  const authorizations = config.authorizations ?? [];
  return `
wrk.method = ${lua(config.method ?? 'GET')}
${config.body ? `wrk.body = ${lua(config.body)}` : ''}
${headers}
local auth = { ${authorizations.map(lua).join(', ')} }
local i = 0
${
  authorizations.length > 0
    ? `request = function()
  i = (i % #auth) + 1
  wrk.headers["Authorization"] = auth[i]
  return wrk.format()
end`
    : ''
}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"total":%d,"seconds":%f,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%f,"p99":%f,"max":%f}\\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`;
}

export function wrkLoad(config: LoadConfig, pin: string[]): LoadResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbridge-wrk-'));
  try {
    const file = path.join(dir, 'load.lua');
    writeFileSync(file, script(config));
    const args = ['-t1', `-c${config.connections}`, `-d${config.duration}s`, '--timeout', '10s', '-s', file, config.url];
    const [cmd, ...prefix] = [...pin, 'wrk'];
    const r = spawnSync(cmd ?? 'wrk', [...prefix, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
    const line = r.stdout.trim().split('\n').findLast((l) => l.startsWith('{'));
    if (!line) throw new Error(`wrk printed no result:\n${r.stdout}`);
    const w = JSON.parse(line) as { total: number; seconds: number; status: number; connect: number; read: number; write: number; timeout: number; p50: number; p99: number; max: number };
    return {
      requestsPerSecond: Math.round((w.total / w.seconds) * 100) / 100,
      total: w.total,
      ok2xx: w.total - w.status,
      non2xx: w.status,
      errors: w.connect + w.read + w.write,
      timeouts: w.timeout,
      latencyP50: Math.round(w.p50 * 10) / 10,
      latencyP99: Math.round(w.p99 * 10) / 10,
      latencyMax: Math.round(w.max * 10) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
