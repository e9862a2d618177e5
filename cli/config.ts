import { CliError, EXIT } from './exit-codes';

export interface CliConfig {
  url: string;
  token: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** TRUSTBRIDGE_URL and TRUSTBRIDGE_TOKEN, validated. Plain http is refused except to this machine. */
export function readConfig(env: NodeJS.ProcessEnv): CliConfig {
  const rawUrl = env.TRUSTBRIDGE_URL?.trim();
  const token = env.TRUSTBRIDGE_TOKEN?.trim();
  if (!rawUrl) throw new CliError('TRUSTBRIDGE_URL is not set. Set it to the address of your Trustbridge server, e.g. https://trustbridge.example.com', EXIT.configuration, 'missing_url');
  if (!token) throw new CliError('TRUSTBRIDGE_TOKEN is not set. Set it to the environment token (tbe_…) shown when the token was created.', EXIT.configuration, 'missing_token');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new CliError(`TRUSTBRIDGE_URL is not a URL: ${rawUrl}`, EXIT.configuration, 'invalid_url');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new CliError('TRUSTBRIDGE_URL must use https:// (plain http is only accepted for localhost): the token would travel unencrypted.', EXIT.configuration, 'insecure_url');
  }
  if (!/^tbe_[A-Za-z0-9_-]{43}$/.test(token)) {
    throw new CliError('TRUSTBRIDGE_TOKEN does not look like an environment token (tbe_ followed by 43 characters). Copy it again from the environment page.', EXIT.configuration, 'malformed_token');
  }
  return { url: url.origin, token };
}
