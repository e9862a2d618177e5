import { CliError, EXIT } from './exit-codes';

const TIMEOUT_MS = 15_000;

/** Calls the Trustbridge API; turns every failure into a CliError with a clear message and exit code. */
export async function callTrustbridge(baseUrl: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), 'User-Agent': 'trustbridge-cli' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : error instanceof Error && 'cause' in error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CliError(`Cannot reach Trustbridge at ${baseUrl}: ${reason}`, EXIT.unavailable, 'unreachable');
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data;
  const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
  const message = error?.message ?? `HTTP ${response.status} from ${baseUrl}${path}`;
  const code = error?.code ?? `http_${response.status}`;
  if (response.status === 401) throw new CliError(message, EXIT.authentication, code);
  if (response.status === 429) {
    const retry = response.headers.get('retry-after');
    throw new CliError(`${message}${retry ? ` (retry after ${retry} s)` : ''}`, EXIT.rateLimited, code);
  }
  if (response.status >= 500) throw new CliError(message, EXIT.unavailable, code);
  throw new CliError(message, EXIT.refused, code);
}
