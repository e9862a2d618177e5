import { ID_PATTERN } from '@/lib/schemas/common';
import { randomFromPool } from './random-pool';

// Row ids: 26 lowercase base32 characters = 48-bit millisecond timestamp + 80 random bits.
// Time-ordered, so keyset pagination can order by id alone; random enough that ids are never
// reused or guessable (organization ids appear in issuer URLs and in every `sub`).

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lowercase

export { ID_PATTERN };

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  // 80 random bits = 10 bytes = 16 base32 characters, 5 bits at a time.
  const bytes = randomFromPool(10);
  let random = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      random += ALPHABET.charAt((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  return time + random;
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
