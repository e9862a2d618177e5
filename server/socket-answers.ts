import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '@/lib/server/env';
import { newRequestId } from '@/lib/server/http/request-id';
import { API_CSP, baseSecurityHeaders } from '@/lib/server/http/security-headers';
import { log } from '@/lib/server/log';
import { methodVerdict, NO_SUCH_ENDPOINT, notAllowedMessage, readTarget, surfaceOf, TARGET_PROBLEMS } from './request-checks';
import type { RouteTable } from './route-table';

// Requests node:http never turns into a request event, answered in the API's error shape instead
// of node's bare "400 Bad Request" (or, for CONNECT, a dropped connection):
//   - `clientError`: the parser refused the request — a method it does not know (→ the same 405 /
//     404 the front door gives, from the request line), a request line or headers over 16 KiB
//     (→ 431), a request that took too long (→ 408), anything else malformed (→ 400);
//   - `connect`: a CONNECT request (→ 405 for a path of ours; 400 for an authority: not a proxy).
// The connection is closed after the answer: the parser cannot read on after an error.

export interface SocketAnswerSetup {
  config: AppConfig;
  routes: RouteTable;
}

interface Answer {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

function write(socket: Duplex, setup: SocketAnswerSetup, answer: Answer, head = false): void {
  const requestId = newRequestId();
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message, requestId } });
  const headers: Record<string, string> = {
    ...baseSecurityHeaders(setup.config.https),
    'Content-Security-Policy': API_CSP,
    'X-Request-Id': requestId,
    ...answer.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const lines = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  // The answer to a HEAD request has no body (RFC 9110 §9.3.2), whatever its status.
  socket.end(`${lines}\r\n\r\n${head ? '' : body}`);
}

const INVALID: Answer = { status: 400, code: 'invalid_request', message: 'The request is not valid HTTP/1.1.' };

/** What the front door would answer for this method and target (the method is never servable here). */
function forTarget(setup: SocketAnswerSetup, method: string, target: string): Answer {
  if (!target.startsWith('/')) return INVALID;
  const path = target.split('?')[0] ?? '/';
  const read = readTarget(target, path);
  if ('problem' in read) return { status: 400, code: 'invalid_request', message: TARGET_PROBLEMS[read.problem] };
  const verdict = methodVerdict(setup.routes, surfaceOf(path), read.segments, method);
  if (verdict.kind === 'not_allowed') return { status: 405, code: 'method_not_allowed', message: notAllowedMessage(method, verdict.allow), headers: { Allow: verdict.allow.join(', ') } };
  if (verdict.kind === 'not_found') return { status: 404, code: 'not_found', message: NO_SUCH_ENDPOINT };
  return INVALID;
}

const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]\r?\n/;

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/** A response is already on its way on this socket: writing another one would corrupt it. */
function responseStarted(socket: Duplex): boolean {
  const message: unknown = '_httpMessage' in socket ? socket._httpMessage : null;
  return typeof message === 'object' && message !== null && '_headerSent' in message && message._headerSent === true;
}

export function answerClientError(error: ParserError, socket: Duplex, setup: SocketAnswerSetup): void {
  if (error.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
    socket.destroy();
    return;
  }
  log.debug('malformed request refused', { code: error.code });
  const packet = error.rawPacket?.toString('latin1') ?? '';
  const head = packet.startsWith('HEAD ');
  if (error.code === 'HPE_HEADER_OVERFLOW') return write(socket, setup, { status: 431, code: 'headers_too_large', message: 'The request line and headers are limited to 16 KiB.' }, head);
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return write(socket, setup, { status: 408, code: 'request_timeout', message: 'The request was not received in time.' }, head);
  const line = error.code === 'HPE_INVALID_METHOD' ? REQUEST_LINE.exec(packet) : null;
  write(socket, setup, line?.[1] && line[2] ? forTarget(setup, line[1], line[2]) : INVALID, head);
}

export function answerConnect(req: IncomingMessage, socket: Duplex, setup: SocketAnswerSetup): void {
  const target = req.url ?? '';
  write(socket, setup, target.startsWith('/') ? forTarget(setup, 'CONNECT', target) : { status: 400, code: 'invalid_request', message: 'Trustbridge is not a proxy: CONNECT is not supported.' });
}
