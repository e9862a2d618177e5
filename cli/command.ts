import type { ParseArgsConfig } from 'node:util';

// One CLI command: the words that name it, its options (parsed strictly: an option of another
// command is a usage error), and what it does. main.ts keeps the table of commands; adding one is
// a file in cli/commands/ and a line there.

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface CliIo {
  /** stdout, one line per call. */
  out(line: string): void;
}

export interface Command {
  /** e.g. ['idp', 'login', 'aws']. */
  path: readonly string[];
  /** Option syntax for the help text, e.g. '[--audience <aud>] [--decode]'. */
  synopsis: string;
  /** One or two lines for the help text. */
  summary: string;
  options: OptionSpec;
  /** Resolves to the exit code when it is not 0 (ok); failures throw a CliError. */
  run(values: OptionValues, env: NodeJS.ProcessEnv, io: CliIo): Promise<number | void>;
}

export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};
