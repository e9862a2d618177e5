import type { IncomingMessage } from 'node:http';

/**
 * The caller's address: the socket peer, or — only when TRUSTBRIDGE_TRUST_PROXY is on, i.e. a
 * proxy we control always sets it — the left-most X-Forwarded-For entry.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first && /^[0-9a-fA-F:.]{2,45}$/.test(first)) return first;
  }
  const address = req.socket.remoteAddress ?? null;
  return address?.startsWith('::ffff:') ? address.slice(7) : address;
}
