import { randomBytes } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

// Unique without a CSPRNG call per request (they are identifiers, not secrets): a random
// per-process prefix and a counter.
const prefix = randomBytes(6).toString('hex');
let counter = 0;

export function newRequestId(): string {
  counter = (counter + 1) % 0x100000000;
  return `${prefix}${counter.toString(16).padStart(8, '0')}`;
}

/** The custom server sets x-request-id on every request; anything else gets a fresh id. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : newRequestId();
}
