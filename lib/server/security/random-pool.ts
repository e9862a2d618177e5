import { randomFillSync } from 'node:crypto';

// CSPRNG bytes for high-rate identifiers (jti, row ids): one randomFillSync per 4 KiB instead of
// one per call, as Node itself does for randomUUID. Callers must consume the bytes at once (the
// buffer is refilled later); they are never reused.

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

export function randomFromPool(length: number): Buffer {
  if (length > POOL_SIZE) throw new RangeError('request too large for the random pool');
  if (offset + length > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + length);
  offset += length;
  return out;
}
