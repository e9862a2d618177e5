// The AWS emulator for tests: Python moto's server (`moto_server`, installed on these machines)
// on 127.0.0.1 and a free port. One process serves IAM, STS and CloudFormation; the SDK and the
// AWS CLI reach it through their own endpoint variables (AWS_ENDPOINT_URL_IAM / _STS) or
// `--endpoint-url`. moto validates almost nothing (TOOLCHAIN.md): AWS's rules are ours to enforce.
// With `enforceAuth`, moto checks access keys and IAM policies after `INITIAL_NO_AUTH_ACTION_COUNT`
// unauthenticated calls, which lets tests provoke real AccessDenied / InvalidClientTokenId answers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './server';

export interface RunningMoto {
  url: string;
  port: number;
  /** Environment for an AWS SDK or AWS CLI client talking to this emulator (dummy keys, us-east-1). */
  clientEnv(extra?: Record<string, string>): Record<string, string>;
  /** Runs the real AWS CLI against the emulator; returns parsed JSON output (or raw text). */
  aws(args: string[], env?: Record<string, string>): { status: number; stdout: string; stderr: string; json: unknown };
  stop(): Promise<void>;
}

export const MOTO_ACCOUNT_ID = '123456789012';

/** Client side of an emulator already running at `url` (e.g. the shared one: inject('motoUrl')). */
export function motoClient(url: string): Omit<RunningMoto, 'port' | 'stop'> {
  const clientEnv = (extra: Record<string, string> = {}) => ({
    AWS_ACCESS_KEY_ID: 'AKIAMOTOTESTKEY00001',
    AWS_SECRET_ACCESS_KEY: 'moto-test-secret-not-real',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_IAM: url,
    AWS_ENDPOINT_URL_STS: url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...extra,
  });
  return {
    url,
    clientEnv,
    aws: (args, extraEnv = {}) => {
      const r = spawnSync('aws', ['--endpoint-url', url, '--output', 'json', ...args], { encoding: 'utf8', env: { ...process.env, HOME: process.env.HOME ?? '/tmp', ...clientEnv(extraEnv) }, timeout: 60_000 });
      let json: unknown = null;
      try {
        json = r.stdout.trim() ? JSON.parse(r.stdout) : null;
      } catch {
        json = null;
      }
      return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr, json };
    },
  };
}

export async function startMoto(options: { enforceAuth?: boolean; initialNoAuthActions?: number } = {}): Promise<RunningMoto> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, MOTO_PORT: String(port) };
  if (options.enforceAuth) env.INITIAL_NO_AUTH_ACTION_COUNT = String(options.initialNoAuthActions ?? 0);
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer within 30 s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ...motoClient(url),
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
