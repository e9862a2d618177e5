// trustbridge — the workload side of Trustbridge (like `gp idp` / `ona idp`). Needs only Node.
// Environment: TRUSTBRIDGE_URL, TRUSTBRIDGE_TOKEN (+ TRUSTBRIDGE_AWS_ROLE_ARN, the AWS_* variables
// of the AWS CLI). Exit codes: cli/exit-codes.ts (README). Commands: the table below, one file
// each in cli/commands/.
import { parseArgs } from 'node:util';
import type { Command, CliIo, OptionValues } from './command';
import { idpCredentialProcess } from './commands/idp-credential-process';
import { idpLoginAws } from './commands/idp-login-aws';
import { idpTokenCommand } from './commands/idp-token';
import { tokenInspectCommand } from './commands/token-inspect';
import { CliError, EXIT } from './exit-codes';

const VERSION = '0.1.0';

export const COMMANDS: readonly Command[] = [idpTokenCommand, idpLoginAws, idpCredentialProcess, tokenInspectCommand];

const name = (c: Command) => `trustbridge ${c.path.join(' ')}`;

const HELP = `trustbridge ${VERSION} — ID tokens and AWS credentials for Trustbridge environments

Usage:
${COMMANDS.map((c) => `  ${name(c)} ${c.synopsis}\n      ${c.summary}`).join('\n')}

Environment:
  TRUSTBRIDGE_URL            address of the Trustbridge server (https://…)
  TRUSTBRIDGE_TOKEN          the environment token (tbe_…)
  TRUSTBRIDGE_AWS_ROLE_ARN   role to assume instead of the stored one (--role-arn wins over it)
  AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, AWS_ENDPOINT_URL_STS, AWS_REGION   as for the AWS CLI

Exit codes: 0 ok · 1 unexpected · 2 usage · 3 configuration · 4 authentication · 5 refused ·
            6 server unavailable · 7 rate limited · 8 AWS · 9 token check failed
`;

function usage(message: string): never {
  throw new CliError(`${message}\n\n${HELP}`, EXIT.usage, 'usage');
}

const commandList = () => COMMANDS.map((c) => `  ${name(c)}`).join('\n');

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  // The command is the leading words; everything from the first option on belongs to it.
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const words = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const rest = firstOption < 0 ? [] : argv.slice(firstOption);
  if (words.length === 0) {
    let global;
    try {
      global = parseArgs({ args: rest, strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } } }).values;
    } catch (error) {
      usage(error instanceof Error ? error.message : String(error));
    }
    if (global.version) {
      out(VERSION);
      return EXIT.ok;
    }
    out(HELP.trimEnd());
    return global.help ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.path.length === words.length && c.path.every((w, i) => w === words[i]));
  if (!command) throw new CliError(`Unknown command: trustbridge ${words.join(' ')}\nCommands:\n${commandList()}\nRun trustbridge --help for their options.`, EXIT.usage, 'usage');
  let values: OptionValues;
  try {
    values = parseArgs({ args: rest, strict: true, allowPositionals: false, options: { ...command.options, help: { type: 'boolean', short: 'h', default: false } } }).values;
  } catch (error) {
    usage(`${name(command)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.help === true) {
    out(`Usage: ${name(command)} ${command.synopsis}\n  ${command.summary}`);
    return EXIT.ok;
  }
  const io: CliIo = { out };
  return (await command.run(values, env, io)) ?? EXIT.ok;
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
