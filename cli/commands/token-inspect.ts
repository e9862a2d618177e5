import type { Readable } from 'node:stream';
import { readConfig } from '../config';
import { CliError, EXIT } from '../exit-codes';
import { callTrustbridge } from '../http';
import type { Command } from '../command';

// `trustbridge token inspect [--json]`: reads a token from stdin (e.g. `trustbridge idp token |
// trustbridge token inspect`), has the server run every check AWS STS makes against this
// environment's organization (POST /api/v1/tokens/inspect with the environment token), and prints
// one line per check. Exit 0 when every check passes, 9 (checkFailed) when any fails.

/** The front door accepts bodies up to 1 MiB; a longer paste is refused here, before sending. */
const MAX_STDIN_BYTES = 1024 * 1024 - 1024;

interface Check {
  id: string;
  ok: boolean;
  message: string;
  fix?: string;
  skipped?: boolean;
}

interface InspectAnswer {
  ok: boolean;
  issuer: string;
  checks: Check[];
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new CliError(`The input is larger than ${MAX_STDIN_BYTES} bytes; a token for AWS has at most 20000 characters.`, EXIT.usage, 'usage');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isAnswer(value: unknown): value is InspectAnswer {
  const v = value as Partial<InspectAnswer> | null;
  return !!v && typeof v.ok === 'boolean' && typeof v.issuer === 'string' && Array.isArray(v.checks);
}

export function formatChecks(answer: InspectAnswer): string {
  const width = Math.max(...answer.checks.map((c) => c.id.length));
  const failed = answer.checks.filter((c) => !c.ok).length;
  const lines = [`${answer.ok ? 'PASS' : 'FAIL'}  ${answer.ok ? 'every check passed' : `${failed} of ${answer.checks.length} checks failed`} (issuer ${answer.issuer})`, ''];
  for (const c of answer.checks) {
    const mark = c.ok ? 'ok  ' : c.skipped ? 'skip' : 'FAIL';
    lines.push(`${mark}  ${c.id.padEnd(width)}  ${c.message}`);
    if (!c.ok && c.fix) lines.push(`${' '.repeat(6 + width + 2)}fix: ${c.fix}`);
  }
  return lines.join('\n');
}

export async function tokenInspect(env: NodeJS.ProcessEnv, options: { json: boolean }, out: (s: string) => void, stdin: Readable & { isTTY?: boolean } = process.stdin): Promise<number> {
  const config = readConfig(env);
  if (stdin.isTTY) throw new CliError('Pipe the token in, e.g.: trustbridge idp token | trustbridge token inspect', EXIT.usage, 'usage');
  const token = (await readAll(stdin)).trim();
  if (token === '') throw new CliError('No token on stdin. Pipe one in, e.g.: trustbridge idp token | trustbridge token inspect', EXIT.usage, 'usage');
  const answer = await callTrustbridge(config.url, config.token, 'POST', '/api/v1/tokens/inspect', { token });
  if (!isAnswer(answer)) throw new CliError('The server answered without checks.', EXIT.unavailable, 'bad_response');
  out(options.json ? JSON.stringify(answer, null, 2) : formatChecks(answer));
  return answer.ok ? EXIT.ok : EXIT.checkFailed;
}

export const tokenInspectCommand: Command = {
  path: ['token', 'inspect'],
  synopsis: '[--json] < token',
  summary: 'Check a token (read from stdin) the way AWS STS does: one line per check, or JSON.\n      Exit 9 when a check fails.',
  options: { json: { type: 'boolean', default: false } },
  run: (values, env, io) => tokenInspect(env, { json: values.json === true }, io.out),
};
