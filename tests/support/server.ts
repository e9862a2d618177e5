// Starts the real production build (dist/server.mjs + .next) as a child process, the way
// `npm run serve` does, with its own data directory and a free port. Output is kept so tests can
// assert what is (and is never) logged.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
export const ADMIN_EMAIL = 'admin@trustbridge.test';
export const ADMIN_PASSWORD = 'admin-password-for-tests-only';

export interface ServerOptions {
  publicUrl?: string;
  /** Listen port (default: a free one). Needed when PUBLIC_URL must name the port itself. */
  port?: number;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Create the first user from TRUSTBRIDGE_ADMIN_EMAIL/PASSWORD (default true). */
  admin?: boolean;
  /** Use this data directory (default: a fresh one). The caller owns it: stop() never removes it. */
  dataDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** The server process (node itself, not a wrapper). */
  pid: number;
  /** Everything the server wrote to stdout and stderr, also available while it runs. */
  logFile: string;
  output(): string;
  /** Stops the process; removes the data directory unless keepData. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Server environment for AWS calls that go to an emulator: the SDK's own endpoint variables, a
 * region, and no ambient credentials (no shared files, no instance metadata) — so the server's
 * "default credential chain" is empty unless a test sets AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
 */
export function awsEmulatorEnv(motoUrl: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_IAM: motoUrl,
    AWS_ENDPOINT_URL_STS: motoUrl,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/trustbridge-test-credentials',
    AWS_CONFIG_FILE: '/nonexistent/trustbridge-test-config',
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

interface Spawned {
  child: ChildProcess;
  port: number;
  publicUrl: string;
  dataDir: string;
  logFile: string;
  output: () => string;
}

async function spawnServer(options: ServerOptions): Promise<Spawned> {
  const nextDir = process.env.TRUSTBRIDGE_NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, 'dist/server.mjs')) || !existsSync(path.join(ROOT, nextDir, 'BUILD_ID'))) {
    throw new Error('No production build found: run `npm run build` first (npm test does it for you).');
  }
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'trustbridge-test-'));
  mkdirSync(dataDir, { recursive: true });
  const publicUrl = options.publicUrl ?? 'https://trustbridge.test';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dataDir,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: publicUrl,
    TRUSTBRIDGE_DATA_DIR: dataDir,
    TRUSTBRIDGE_MASTER_KEY: TEST_MASTER_KEY,
    TRUSTBRIDGE_TRUST_PROXY: 'true',
    TRUSTBRIDGE_LOG_LEVEL: 'debug',
    ...(process.env.TRUSTBRIDGE_NEXT_DIST_DIR ? { TRUSTBRIDGE_NEXT_DIST_DIR: process.env.TRUSTBRIDGE_NEXT_DIST_DIR } : {}),
    ...(options.admin === false ? {} : { TRUSTBRIDGE_ADMIN_EMAIL: ADMIN_EMAIL, TRUSTBRIDGE_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  // Servers sharing a data directory keep a log each.
  const logFile = path.join(dataDir, options.dataDir ? `server-${port}.log` : 'server.log');
  const keep = (d: Buffer) => {
    const text = d.toString('utf8');
    chunks.push(text);
    appendFileSync(logFile, text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, port, publicUrl, dataDir, logFile, output: () => chunks.join('') };
}

export interface ServerExit {
  code: number | null;
  output: string;
  /** From spawning the process to its exit. */
  elapsedMs: number;
}

/** Runs a server that must refuse to start: resolves with its exit, fails if it is still up after `timeoutMs`. */
export async function startServerExpectingExit(options: ServerOptions, timeoutMs = 20_000): Promise<ServerExit> {
  const started = Date.now();
  const { child, output } = await spawnServer(options);
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was still running after ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output: output(), elapsedMs: Date.now() - started };
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { child, port, publicUrl, dataDir, logFile, output } = await spawnServer(options);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    publicUrl,
    dataDir,
    pid: child.pid ?? 0,
    logFile,
    output,
    stop: async (stopOptions: { keepData?: boolean } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!stopOptions.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
