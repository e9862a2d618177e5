import 'server-only';
import { AppError, isDatabaseUnavailable, prismaErrorCode } from '../errors';
import { log } from '../log';
import { API_CSP } from './security-headers';

// The single serializer for /api responses: successes as JSON with no-store, failures in the
// contract's shape `{ "error": { "code", "message" } }`. Unknown errors become a generic 500 that
// quotes the request id; their details only go to the server log.

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': API_CSP };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** A generated text document (exports): its own content type, a file name, `attachment` when asked to download. */
export function textDocument(doc: { text: string; filename: string; contentType: string }, download: boolean): Response {
  return new Response(doc.text, {
    status: 200,
    headers: { 'Content-Type': doc.contentType, 'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${doc.filename}"`, 'Cache-Control': 'no-store', 'Content-Security-Policy': API_CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', ...headers } });
}

interface ErrorBody {
  error: { code: string; message: string; requestId?: string; [key: string]: unknown };
}

function body(code: string, message: string, extra: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

export function errorResponse(error: unknown, requestId: string, route: string): Response {
  if (error instanceof AppError) {
    return json(body(error.code, error.message, { ...(error.details ?? {}) }), error.status, { ...(error.headers ?? {}), 'X-Request-Id': requestId });
  }
  if (prismaErrorCode(error) === 'P2002') {
    return json(body('already_exists', 'Something with the same unique name already exists.'), 409, { 'X-Request-Id': requestId });
  }
  if (isDatabaseUnavailable(error)) {
    log.error('database unavailable', { requestId, route, error });
    return json(body('service_unavailable', 'The database is not reachable right now. Try again shortly.', { requestId }), 503, { 'Retry-After': '5', 'X-Request-Id': requestId });
  }
  log.error('unhandled error', { requestId, route, error, stack: error instanceof Error ? error.stack : undefined });
  return json(body('internal_error', `Something went wrong on our side. Quote request id ${requestId} when reporting it.`, { requestId }), 500, { 'X-Request-Id': requestId });
}
