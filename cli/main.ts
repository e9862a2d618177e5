// trustbridge — the workload side of Trustbridge (like `gp idp` / `ona idp`). Needs only Node.
//   trustbridge idp token [--audience A] [--decode]
//   trustbridge token inspect [--json]   (token on stdin)
// Environment: TRUSTBRIDGE_URL, TRUSTBRIDGE_TOKEN. Exit codes: cli/exit-codes.ts (README).
import { parseArgs } from 'node:util';
import { idpToken } from './commands/idp-token';
import { tokenInspect } from './commands/token-inspect';
import { CliError, EXIT } from './exit-codes';

const VERSION = '0.1.0';

const HELP = `trustbridge ${VERSION} — ID tokens and AWS credentials for Trustbridge environments

Usage:
  trustbridge idp token [--audience <aud>] [--decode]
      Print a fresh ID token for this environment (or its header and claims with --decode).
  trustbridge token inspect [--json] < token
      Check a token (read from stdin) the way AWS STS does: one line per check, or JSON.
      Exit 9 when any check fails.

Environment:
  TRUSTBRIDGE_URL     address of the Trustbridge server (https://…)
  TRUSTBRIDGE_TOKEN   the environment token (tbe_…)

Exit codes: 0 ok · 1 unexpected · 2 usage · 3 configuration · 4 authentication · 5 refused ·
            6 server unavailable · 7 rate limited · 8 AWS · 9 token check failed
`;

function usage(message: string): never {
  throw new CliError(`${message}\n\n${HELP}`, EXIT.usage, 'usage');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { audience: { type: 'string' }, decode: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false }, version: { type: 'boolean', default: false } },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out(VERSION);
    return EXIT.ok;
  }
  if (values.help || positionals.length === 0) {
    out(HELP.trimEnd());
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const command = positionals.join(' ');
  if (command === 'idp token') {
    if (values.audience !== undefined && values.audience.trim() === '') usage('--audience needs a value');
    await idpToken(env, { ...(values.audience !== undefined ? { audience: values.audience } : {}), decode: values.decode }, out);
    return EXIT.ok;
  }
  if (command === 'token inspect') return tokenInspect(env, { json: values.json }, out);
  usage(`Unknown command: ${command}`);
}

export async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2), process.env, (s) => process.stdout.write(`${s}\n`));
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`trustbridge: ${error.message}${error.code && error.exitCode !== EXIT.usage ? ` [${error.code}]` : ''}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`trustbridge: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.unexpected;
    }
  }
}
