import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_TOKEN_PATTERN, ENVIRONMENT_TOKEN_PREFIX, generateEnvironmentToken, hashEnvironmentToken, isEnvironmentTokenShaped } from './environment-token';

describe('generateEnvironmentToken', () => {
  it('is tbe_ + 43 base64url characters carrying 256 random bits', () => {
    const { token } = generateEnvironmentToken();
    expect(ENVIRONMENT_TOKEN_PREFIX).toBe('tbe_');
    expect(token).toMatch(/^tbe_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
  });

  it('lists by a 12-character prefix and stores the SHA-256 hex of the whole token', () => {
    const { token, prefix, hash } = generateEnvironmentToken();
    expect(prefix).toBe(token.slice(0, 12));
    expect(prefix.startsWith('tbe_')).toBe(true);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(4));
  });

  it('never repeats a token, and prefixes are spread (8 random characters)', () => {
    const tokens = Array.from({ length: 5000 }, () => generateEnvironmentToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(5000);
    expect(new Set(tokens.map((t) => t.hash)).size).toBe(5000);
    expect(new Set(tokens.map((t) => t.prefix)).size).toBeGreaterThan(4990);
  });
});

describe('hashEnvironmentToken', () => {
  it('is deterministic and case-sensitive', () => {
    const token = `tbe_${'A'.repeat(43)}`;
    expect(hashEnvironmentToken(token)).toBe(hashEnvironmentToken(token));
    expect(hashEnvironmentToken(token)).not.toBe(hashEnvironmentToken(token.toLowerCase()));
  });
});

describe('isEnvironmentTokenShaped', () => {
  const body = 'a'.repeat(43);
  it.each([
    [`tbe_${body}`, true],
    [`tbe_${'Az09_-'.repeat(7)}x`, true],
    [generateEnvironmentToken().token, true],
    [`tbe_${'a'.repeat(42)}`, false],
    [`tbe_${'a'.repeat(44)}`, false],
    [`TBE_${body}`, false],
    [`tbi_${body}`, false],
    [body, false],
    [`tbe_${'a'.repeat(42)}=`, false],
    [`tbe_${'a'.repeat(42)}+`, false],
    [`tbe_${'a'.repeat(42)}/`, false],
    [` tbe_${body}`, false],
    [`tbe_${body}\n`, false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isEnvironmentTokenShaped(value)).toBe(expected);
    expect(ENVIRONMENT_TOKEN_PATTERN.test(value)).toBe(expected);
  });
});
