import { randomBytes } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

/** The custom server sets x-request-id on every request; anything else gets a fresh id. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : newRequestId();
}
