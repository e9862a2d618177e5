import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_IP_HEADER } from '@/lib/server/auth/request-meta';
import type { HandlerResponse } from '@/lib/server/oidc/handler-response';
import { jsonResponse } from '@/lib/server/oidc/handler-response';
import { documentFromPath, handleIssuerDocument, preflightResponse } from '@/lib/server/oidc/issuer-endpoints';
import { handleTokenRequest, TOKEN_BODY_LIMIT } from '@/lib/server/oidc/token-endpoint';
import { handleIdpAwsRequest } from '@/lib/server/effective-credentials/idp-aws-endpoint';

// The issuer's hot paths, served by the custom server ahead of Next's router (a no-op Next route
// costs ~0.6 ms of CPU before any of our code runs; these endpoints must sustain thousands of
// requests per second). The same handlers back the Next routes in app/, for other entry points.

export const TOKEN_PATH = '/api/v1/idp/token';
/** The workload's effective AWS credential (`trustbridge idp login aws` asks it first). */
export const IDP_AWS_PATH = '/api/v1/idp/aws';

let securityHeaders: string[] = [];

/** Called once at start-up with the front door's security headers for these responses. */
export function setIssuerSecurityHeaders(headers: string[]): void {
  securityHeaders = headers;
}

function send(req: IncomingMessage, res: ServerResponse, r: HandlerResponse): void {
  const flat = [...securityHeaders, 'X-Request-Id', String(req.headers['x-request-id'] ?? '')];
  for (const [name, value] of Object.entries(r.headers)) flat.push(name, value);
  if (r.status !== 304 && r.status !== 204) flat.push('Content-Length', String(typeof r.body === 'string' ? Buffer.byteLength(r.body) : r.body.length));
  res.writeHead(r.status, flat);
  // A string body goes out in one write with the head (node:http joins them); a Buffer needs two.
  res.end(req.method === 'HEAD' || r.status === 304 || r.status === 204 ? undefined : r.body);
}

export function isIssuerPath(path: string): boolean {
  return path === TOKEN_PATH || path === IDP_AWS_PATH || path.startsWith('/oidc/');
}

const EMPTY = Buffer.alloc(0);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const methodNotAllowed = (allow: string) => jsonResponse(405, { error: { code: 'method_not_allowed', message: `Use ${allow}.` } }, { Allow: allow });

/** Serves the request when it is one of the issuer's endpoints; returns false otherwise. */
export function routeIssuer(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path === TOKEN_PATH) {
    // OPTIONS is Next's (204 with Allow, like every route); the front door has refused the rest.
    if (req.method === 'OPTIONS') return false;
    if (req.method !== 'POST') {
      send(req, res, methodNotAllowed('OPTIONS, POST'));
      return true;
    }
    const requestId = req.headers['x-request-id'];
    const ip = req.headers[CLIENT_IP_HEADER];
    const answer = (body: Buffer) =>
      handleTokenRequest({
        authorization: req.headers.authorization ?? null,
        contentType: req.headers['content-type'] ?? null,
        body,
        requestId: typeof requestId === 'string' ? requestId : null,
        ipAddress: typeof ip === 'string' ? ip : null,
      }).then((r) => send(req, res, r));
    const failed = () => {
      if (!res.headersSent) send(req, res, jsonResponse(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } }));
    };
    const bodyless = req.headers['content-length'] === '0' || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined);
    if (bodyless) {
      answer(EMPTY).catch(failed);
      return true;
    }
    readBody(req, TOKEN_BODY_LIMIT)
      .then((body) => (body === null ? send(req, res, jsonResponse(413, { error: { code: 'payload_too_large', message: `The request body is limited to ${TOKEN_BODY_LIMIT} bytes.` } })) : answer(body)))
      .catch(failed);
    return true;
  }
  if (path === IDP_AWS_PATH) {
    if (req.method === 'OPTIONS') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, methodNotAllowed('GET, HEAD, OPTIONS'));
      return true;
    }
    const requestId = req.headers['x-request-id'];
    handleIdpAwsRequest({ authorization: req.headers.authorization ?? null, requestId: typeof requestId === 'string' ? requestId : null })
      .then((r) => send(req, res, r))
      .catch(() => {
        if (!res.headersSent) send(req, res, jsonResponse(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } }));
      });
    return true;
  }
  if (!path.startsWith('/oidc/')) return false;
  const match = /^\/oidc\/([^/]+)\/(.+)$/.exec(path);
  const document = match?.[2] ? documentFromPath(match[2]) : null;
  if (!match?.[1] || !document) return false; // Next answers 404
  if (req.method === 'OPTIONS') {
    send(req, res, preflightResponse());
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, methodNotAllowed('GET, HEAD, OPTIONS'));
    return true;
  }
  const ifNoneMatch = req.headers['if-none-match'];
  void handleIssuerDocument(match[1], document, typeof ifNoneMatch === 'string' ? ifNoneMatch : null).then((r) => send(req, res, r));
  return true;
}
