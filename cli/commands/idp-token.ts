import { stringOption, type Command } from '../command';
import { readConfig } from '../config';
import { CliError, EXIT } from '../exit-codes';
import { callTrustbridge } from '../http';
import { decodeJwt } from '../jwt';

export interface IdTokenResult {
  token: string;
  expiresAt: string;
}

/** Asks the server for a fresh ID token for this environment. */
export async function fetchIdToken(env: NodeJS.ProcessEnv, audience?: string): Promise<IdTokenResult> {
  const config = readConfig(env);
  const data = (await callTrustbridge(config.url, config.token, 'POST', '/api/v1/idp/token', audience === undefined ? {} : { audience })) as Partial<IdTokenResult> | null;
  if (!data || typeof data.token !== 'string' || typeof data.expiresAt !== 'string') throw new CliError('The server answered without a token.', EXIT.unavailable, 'bad_response');
  return { token: data.token, expiresAt: data.expiresAt };
}

export async function idpToken(env: NodeJS.ProcessEnv, options: { audience?: string; decode: boolean }, out: (s: string) => void): Promise<void> {
  const { token } = await fetchIdToken(env, options.audience);
  out(options.decode ? JSON.stringify(decodeJwt(token), null, 2) : token);
}

export const idpTokenCommand: Command = {
  path: ['idp', 'token'],
  synopsis: '[--audience <aud>] [--decode]',
  summary: 'Print a fresh ID token for this environment (or its header and claims with --decode).',
  options: { audience: { type: 'string' }, decode: { type: 'boolean', default: false } },
  async run(values, env, io) {
    const audience = stringOption(values, 'audience');
    if (audience !== undefined && audience.trim() === '') throw new CliError('--audience needs a value', EXIT.usage, 'usage');
    await idpToken(env, { ...(audience !== undefined ? { audience } : {}), decode: values.decode === true }, io.out);
  },
};
