import { randomSecret, sha256Hex } from './secrets';

// Environment tokens (PRODUCT.md): `tbe_` + 256 bits of randomness (43 base64url characters),
// shown once, stored only as SHA-256, listed by prefix.

export const ENVIRONMENT_TOKEN_PREFIX = 'tbe_';
export const ENVIRONMENT_TOKEN_PATTERN = /^tbe_[A-Za-z0-9_-]{43}$/;
const DISPLAY_PREFIX_LENGTH = 12; // "tbe_" + 8 characters: enough to recognise, far too few to guess

export interface NewEnvironmentToken {
  token: string;
  prefix: string;
  hash: string;
}

export function generateEnvironmentToken(): NewEnvironmentToken {
  const token = `${ENVIRONMENT_TOKEN_PREFIX}${randomSecret(32)}`;
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashEnvironmentToken(token) };
}

export function hashEnvironmentToken(token: string): string {
  return sha256Hex(token);
}

export function isEnvironmentTokenShaped(value: string): boolean {
  return ENVIRONMENT_TOKEN_PATTERN.test(value);
}
