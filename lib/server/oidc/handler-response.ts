import { AppError, isDatabaseUnavailable } from '../errors';
import { log } from '../log';

// Framework-neutral response of the issuer's hot-path handlers: the custom server writes it to a
// node:http response, the Next route handlers turn it into a Response. One codebase, two doors.
export interface HandlerResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): HandlerResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, body: JSON.stringify(value) };
}

export function toWebResponse(r: HandlerResponse): Response {
  return new Response(r.status === 304 || r.status === 204 ? null : typeof r.body === 'string' ? r.body : new Uint8Array(r.body), { status: r.status, headers: r.headers });
}

/**
 * How a workload endpoint answers what it threw: an AppError as itself (code, message, details,
 * headers); a database outage 503 with Retry-After (`unavailable` says what cannot be done); anything
 * else a 500 quoting the request id, its details only in the server log.
 */
export function failureResponse(error: unknown, endpoint: string, requestId: string | null, unavailable: string): HandlerResponse {
  if (error instanceof AppError) return jsonResponse(error.status, { error: { code: error.code, message: error.message, ...(error.details ?? {}) } }, error.headers ?? {});
  if (isDatabaseUnavailable(error)) {
    log.error(`${endpoint}: database unavailable`, { requestId, error });
    return jsonResponse(503, { error: { code: 'service_unavailable', message: unavailable } }, { 'Retry-After': '5' });
  }
  log.error(`${endpoint} failed`, { requestId, error, stack: error instanceof Error ? error.stack : undefined });
  return jsonResponse(500, { error: { code: 'internal_error', message: `Something went wrong on our side. Quote request id ${requestId ?? 'n/a'} when reporting it.` } });
}
