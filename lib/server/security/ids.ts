import { randomBytes } from 'node:crypto';
import { ID_PATTERN } from '@/lib/schemas/common';

// Row ids: 26 lowercase base32 characters = 48-bit millisecond timestamp + 80 random bits.
// Time-ordered, so keyset pagination can order by id alone; random enough that ids are never
// reused or guessable (organization ids appear in issuer URLs and in every `sub`).

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lowercase

export { ID_PATTERN };

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

export function newId(now: number = Date.now()): string {
  const random = randomBytes(10);
  let r = 0n;
  for (const byte of random) r = (r << 8n) | BigInt(byte);
  return encode(BigInt(now), 10) + encode(r, 16);
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
