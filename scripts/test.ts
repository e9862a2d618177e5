// `npm test`: every check and every test runner, in order, on real components:
//   system packages (Debian chromium and postgresql, installed when missing and we are root)
//   → typecheck → migrations match the schema (SQLite and PostgreSQL) → production build
//   → unit tests → HTTP + database tests on SQLite → the same on a throwaway PostgreSQL
//   → Playwright in Debian chromium.
// Counts come from the runners' JSON reports; the last line is `N passed, N failed`. Skipped
// tests are reported and fail the run: a skipped test must never look like a passing one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'tests/.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Row {
  step: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const rows: Row[] = [];
const only = process.env.TEST_ONLY?.split(',').map((s) => s.trim()) ?? null;
const wanted = (step: string) => only === null || only.some((o) => step.startsWith(o));

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status ?? 1;
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = Date.now();
  const value = fn();
  return { value, seconds: (Date.now() - start) / 1000 };
}

function check(step: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  if (!wanted(step)) return true;
  console.log(`\n▶ ${step}`);
  const { value: status, seconds } = timed(() => run(command, args, env));
  rows.push({ step, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, seconds });
  return status === 0;
}

function vitest(step: string, args: string[], env: Record<string, string> = {}): void {
  if (!wanted(step)) return;
  console.log(`\n▶ ${step}`);
  const report = path.join(reports, `${step.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const { value: status, seconds } = timed(() =>
    run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env),
  );
  if (!existsSync(report)) {
    rows.push({ step, passed: 0, failed: 1, skipped: 0, seconds });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  const failed = json.numFailedTests + (json.numFailedTests === 0 && (json.numFailedTestSuites > 0 || status !== 0) ? 1 : 0);
  rows.push({ step, passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests, seconds });
}

function playwright(step: string): void {
  if (!wanted(step)) return;
  console.log(`\n▶ ${step}`);
  const report = path.join(reports, 'e2e.json');
  const { value: status, seconds } = timed(() => run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report }));
  if (!existsSync(report)) {
    rows.push({ step, passed: 0, failed: 1, skipped: 0, seconds });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const failed = json.stats.unexpected + json.stats.flaky + (json.stats.unexpected === 0 && status !== 0 ? 1 : 0);
  rows.push({ step, passed: json.stats.expected, failed, skipped: json.stats.skipped, seconds });
}

function ensureDebianPackage(binary: string, pkg: string): void {
  if (existsSync(binary)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`${binary} is missing; install it with: sudo apt-get install -y ${pkg}`);
    return;
  }
  console.log(`Installing Debian package ${pkg} (missing ${binary}) …`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', '--no-install-recommends', pkg], env) !== 0) {
    run('apt-get', ['update'], env);
    run('apt-get', ['install', '-y', '--no-install-recommends', pkg], env);
  }
}

const started = Date.now();
ensureDebianPackage('/usr/bin/chromium', 'chromium');
if (!existsSync('/usr/lib/postgresql')) ensureDebianPackage('/usr/lib/postgresql', 'postgresql');

check('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
check('migrations match schema', process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/db-migration.ts', '--check']);
const built = check('production build', process.execPath, ['scripts/build.mjs']);
vitest('unit', ['--project', 'unit']);
if (built) {
  vitest('http+db on SQLite', ['--project', 'integration'], { TEST_DB: 'sqlite' });
  vitest('http+db on PostgreSQL', ['--project', 'integration'], { TEST_DB: 'postgresql' });
  playwright('e2e in chromium');
}

const total = rows.reduce((acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log('\n' + [pad('step', 26), pad('passed', 8), pad('failed', 8), pad('skipped', 8), 'seconds'].join(''));
for (const r of rows) console.log([pad(r.step, 26), pad(r.passed, 8), pad(r.failed, 8), pad(r.skipped, 8), r.seconds.toFixed(1)].join(''));
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (total.skipped > 0) console.log(`${total.skipped} skipped test(s): a skipped test counts as a failure here.`);
const failed = total.failed + total.skipped;
const summary = `${total.passed} passed, ${failed} failed`;
writeFileSync(path.join(reports, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failed === 0 && rows.length > 0 ? 0 : 1);
