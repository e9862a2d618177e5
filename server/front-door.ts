import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@/lib/server/env';
import { CLIENT_IP_HEADER } from '@/lib/server/auth/request-meta';
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

function reject(res: ServerResponse, status: number, code: string, message: string, requestId: string): false {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: { code, message, requestId } }));
  return false;
}

function isDocumentPath(path: string): boolean {
  return !path.startsWith('/api/') && !path.startsWith('/oidc/') && !path.startsWith('/_next/static/');
}

export function frontDoor(req: IncomingMessage, res: ServerResponse, config: AppConfig, dev: boolean): boolean {
  const requestId = newRequestId();
  req.headers['x-request-id'] = requestId;
  const address = clientAddress(req, config.trustProxy);
  if (address) req.headers[CLIENT_IP_HEADER] = address;
  else delete req.headers[CLIENT_IP_HEADER];
  delete req.headers['x-nonce'];

  res.setHeader('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(baseSecurityHeaders(config.https))) res.setHeader(name, value);
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (isDocumentPath(path)) {
    const nonce = randomBytes(16).toString('base64');
    const csp = contentSecurityPolicy(nonce, { dev, https: config.https });
    req.headers['content-security-policy'] = csp;
    req.headers['x-nonce'] = nonce;
    res.setHeader('Content-Security-Policy', csp);
  } else {
    delete req.headers['content-security-policy'];
    res.setHeader('Content-Security-Policy', API_CSP);
  }

  const length = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(length) && length > MAX_BODY_BYTES) return reject(res, 413, 'payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`, requestId);

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
      403,
      'origin_mismatch',
      verdict === 'missing' ? 'State-changing requests must carry an Origin header from the Trustbridge web app.' : 'Cross-origin requests are not allowed.',
      requestId,
    );
  }
  return true;
}
