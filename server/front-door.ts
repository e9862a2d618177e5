import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@/lib/server/env';
import { CLIENT_IP_HEADER, REQUEST_PATH_HEADER } from '@/lib/server/auth/request-meta';
import { checkOrigin } from '@/lib/server/http/origin';
import { newRequestId } from '@/lib/server/http/request-id';
import { API_CSP, baseSecurityHeaders, contentSecurityPolicy } from '@/lib/server/http/security-headers';
import { clientAddress } from './client-address';

// What every request passes before it reaches a handler (ours or Next's), in order:
//   1. request id (ours; a client-supplied one is replaced) and the trusted client address;
//   2. security headers, with a fresh CSP nonce for pages (handed to Next via the request's CSP header);
//   3. body size limit by Content-Length;
//   4. the Origin rule for state-changing requests.
// Returns false when it has answered the request itself.

export const MAX_BODY_BYTES = 1024 * 1024;

function setSecurityHeaders(res: ServerResponse, config: AppConfig, requestId: string): void {
  res.setHeader('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(baseSecurityHeaders(config.https))) res.setHeader(name, value);
}

function reject(res: ServerResponse, config: AppConfig, status: number, code: string, message: string, requestId: string): false {
  const body = JSON.stringify({ error: { code, message, requestId } });
  if (!res.hasHeader('X-Content-Type-Options')) {
    setSecurityHeaders(res, config, requestId);
    res.setHeader('Content-Security-Policy', API_CSP);
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
  return false;
}

/** The security headers of every hot-path response, as one flat list (writeHead's fastest form). */
export function hotPathHeaders(config: AppConfig): string[] {
  return Object.entries({ ...baseSecurityHeaders(config.https), 'Content-Security-Policy': API_CSP }).flat();
}

function isDocumentPath(path: string): boolean {
  return !path.startsWith('/api/') && !path.startsWith('/oidc/') && !path.startsWith('/_next/static/');
}

/**
 * `headersWritten: false` is for the issuer's hot paths, which send the security headers with
 * their response in one writeHead (see hotPathHeaders) instead of one setHeader call each.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse, config: AppConfig, dev: boolean, path: string, headersWritten = true): boolean {
  const requestId = newRequestId();
  req.headers['x-request-id'] = requestId;
  const address = clientAddress(req, config.trustProxy);
  if (address) req.headers[CLIENT_IP_HEADER] = address;
  else delete req.headers[CLIENT_IP_HEADER];
  delete req.headers['x-nonce'];
  req.headers[REQUEST_PATH_HEADER] = req.url ?? '/';

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
