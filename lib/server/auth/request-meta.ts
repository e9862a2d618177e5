import 'server-only';
import { requestIdFrom } from '../http/request-id';

// Who/where a request came from, for audit rows and throttling. The client address is set by our
// custom server (from the socket, or X-Forwarded-For when TRUSTBRIDGE_TRUST_PROXY is on) in a
// header it strips from incoming requests, so clients cannot choose it.

export const CLIENT_IP_HEADER = 'x-trustbridge-client-ip';

/** The path and query the browser asked for, set the same way (a layout cannot see it otherwise). */
export const REQUEST_PATH_HEADER = 'x-trustbridge-path';

export interface RequestMeta {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export function requestMeta(request: Request): RequestMeta {
  return {
    requestId: requestIdFrom(request.headers),
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get('user-agent'),
  };
}
