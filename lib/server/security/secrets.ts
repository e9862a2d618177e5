import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Secret handling primitives: every random secret, every secret hash and every secret comparison
// in the app goes through here.

/** `bytes` of CSPRNG output as base64url (no padding). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex. For high-entropy secrets (tokens, session ids), where a slow hash adds nothing. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (length is not secret). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
