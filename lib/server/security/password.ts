import { hash, verify } from '@node-rs/argon2';

// Passwords: argon2id (the library's default algorithm) with OWASP's recommended minimum cost
// (m = 19 MiB, t = 2, p = 1). Length rules follow NIST SP 800-63B: at least 12 characters, no
// composition rules; the upper bound only protects the server.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a random string, verified against when the account does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('trustbridge-timing-equaliser-not-a-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
