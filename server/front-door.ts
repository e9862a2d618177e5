import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@/lib/server/env';
import { CLIENT_IP_HEADER, REQUEST_PATH_HEADER } from '@/lib/server/auth/request-meta';
import { checkOrigin } from '@/lib/server/http/origin';
import { newRequestId } from '@/lib/server/http/request-id';
import { API_CSP, baseSecurityHeaders, contentSecurityPolicy } from '@/lib/server/http/security-headers';
import { clientAddress } from './client-address';
import { methodVerdict, NO_SUCH_ENDPOINT, notAllowedMessage, readTarget, surfaceOf, TARGET_PROBLEMS, type Surface, type TargetProblem } from './request-checks';
import type { RouteTable } from './route-table';

// What every request passes before it reaches a handler (ours or Next's), in order:
//   1. request id (ours; a client-supplied one is replaced) and the trusted client address;
//   2. the request target and method (request-checks.ts): a malformed path → 400, a method the
//      route does not serve → 405 with Allow (or 404 under /api where no route matches);
//   3. security headers, with a fresh CSP nonce for pages (handed to Next via the request's CSP header);
//   4. body size limit by Content-Length;
//   5. the Origin rule for state-changing requests.
// Returns false when it has answered the request itself.

export const MAX_BODY_BYTES = 1024 * 1024;

function setSecurityHeaders(res: ServerResponse, config: AppConfig, requestId: string): void {
  res.setHeader('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(baseSecurityHeaders(config.https))) res.setHeader(name, value);
}

function send(res: ServerResponse, config: AppConfig, status: number, requestId: string, contentType: string, body: string, headers: Record<string, string> = {}): false {
  if (!res.hasHeader('X-Content-Type-Options')) setSecurityHeaders(res, config, requestId);
  // Nothing the front door answers loads anything (the 400 page has no script or style).
  res.setHeader('Content-Security-Policy', API_CSP);
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
  return false;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function reject(res: ServerResponse, config: AppConfig, status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): false {
  return send(res, config, status, requestId, JSON_TYPE, JSON.stringify({ error: { code, message, requestId } }), headers);
}

const HTML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

const badRequestPage = (message: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Bad request · Trustbridge</title><h1>Bad request</h1><p>${message.replace(/[<>&"]/g, (c) => HTML_ESCAPES[c] ?? '')}</p><p><a href="/">Go to Trustbridge</a></p></html>`;

/** A malformed target, answered in the shape of the surface it was meant for. */
function refuseTarget(res: ServerResponse, config: AppConfig, surface: Surface, problem: TargetProblem, requestId: string): false {
  const message = TARGET_PROBLEMS[problem];
  if (surface === 'api') return reject(res, config, 400, 'invalid_request', message, requestId);
  // The issuer's documents answer errors the OAuth way (lib/server/oidc/issuer-endpoints.ts).
  if (surface === 'oidc') return send(res, config, 400, requestId, JSON_TYPE, JSON.stringify({ error: 'invalid_request', error_description: message }));
  return send(res, config, 400, requestId, 'text/html; charset=utf-8', badRequestPage(message));
}

/** The security headers of every hot-path response, as one flat list (writeHead's fastest form). */
export function hotPathHeaders(config: AppConfig): string[] {
  return Object.entries({ ...baseSecurityHeaders(config.https), 'Content-Security-Policy': API_CSP }).flat();
}

function isDocumentPath(path: string): boolean {
  return !path.startsWith('/api/') && !path.startsWith('/oidc/') && !path.startsWith('/_next/static/');
}

export interface FrontDoorSetup {
  config: AppConfig;
  dev: boolean;
  routes: RouteTable;
}

/**
 * `headersWritten: false` is for the issuer's hot paths, which send the security headers with
 * their response in one writeHead (see hotPathHeaders) instead of one setHeader call each.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse, setup: FrontDoorSetup, path: string, headersWritten = true): boolean {
  const { config, dev } = setup;
  const requestId = newRequestId();
  req.headers['x-request-id'] = requestId;
  const address = clientAddress(req, config.trustProxy);
  if (address) req.headers[CLIENT_IP_HEADER] = address;
  else delete req.headers[CLIENT_IP_HEADER];
  delete req.headers['x-nonce'];
  req.headers[REQUEST_PATH_HEADER] = req.url ?? '/';

  const surface = surfaceOf(path);
  const target = readTarget(req.url ?? '/', path);
  if ('problem' in target) return refuseTarget(res, config, surface, target.problem, requestId);
  const method = req.method ?? 'GET';
  const served = methodVerdict(setup.routes, surface, target.segments, method);
  if (served.kind === 'not_allowed') return reject(res, config, 405, 'method_not_allowed', notAllowedMessage(method, served.allow), requestId, { Allow: served.allow.join(', ') });
  if (served.kind === 'not_found') return reject(res, config, 404, 'not_found', NO_SUCH_ENDPOINT, requestId);

  if (!headersWritten) {
    delete req.headers['content-security-policy'];
  } else if (isDocumentPath(path)) {
    setSecurityHeaders(res, config, requestId);
    const nonce = randomBytes(16).toString('base64');
    const csp = contentSecurityPolicy(nonce, { dev, https: config.https });
    req.headers['content-security-policy'] = csp;
    req.headers['x-nonce'] = nonce;
    res.setHeader('Content-Security-Policy', csp);
  } else {
    setSecurityHeaders(res, config, requestId);
    delete req.headers['content-security-policy'];
    res.setHeader('Content-Security-Policy', API_CSP);
  }

  const length = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(length) && length > MAX_BODY_BYTES) return reject(res, config, 413, 'payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`, requestId);

  // The issuer's endpoints authenticate by bearer environment token only and never read cookies:
  // there is no ambient credential to forge, so the browser Origin rule does not apply to them.
  if (!headersWritten) return true;
  const origin = req.headers.origin;
  const verdict = checkOrigin(
    {
      method: req.method ?? 'GET',
      origin: typeof origin === 'string' ? origin : null,
      authorization: req.headers.authorization ?? null,
      cookie: req.headers.cookie ?? null,
    },
    config.publicOrigin,
  );
  if (verdict !== 'ok') {
    return reject(
      res,
      config,
      403,
      'origin_mismatch',
      verdict === 'missing' ? 'State-changing requests must carry an Origin header from the Trustbridge web app.' : 'Cross-origin requests are not allowed.',
      requestId,
    );
  }
  return true;
}
