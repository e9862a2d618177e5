import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { constantTimeEqual, randomSecret, sha256Hex } from './secrets';

// constantTimeEqual must go through crypto.timingSafeEqual whatever the inputs: the spy wraps the
// real function, so results are real too.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
afterEach(() => timingSafeEqual.mockClear());

describe('randomSecret', () => {
  it.each([
    [32, 43],
    [16, 22],
    [1, 2],
  ])('%d bytes → %d base64url characters, no padding', (bytes, length) => {
    const secret = randomSecret(bytes);
    expect(secret).toMatch(new RegExp(`^[A-Za-z0-9_-]{${length}}$`));
    expect(Buffer.from(secret, 'base64url')).toHaveLength(bytes);
  });

  it('defaults to 256 bits and never repeats', () => {
    expect(randomSecret()).toHaveLength(43);
    expect(new Set(Array.from({ length: 5000 }, () => randomSecret())).size).toBe(5000);
  });
});

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['é', crypto.createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex')],
  ])('%j (UTF-8) → %s', (value, digest) => {
    expect(sha256Hex(value)).toBe(digest);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['tbe_same', 'tbe_same', true],
    ['', '', true],
    ['tbe_same', 'tbe_samf', false],
    ['tbe_same', 'TBE_SAME', false],
    ['short', 'shorter', false],
    ['shorter', 'short', false],
    ['', 'x', false],
    ['é', 'e\u0301', false],
    ['é', 'é', true],
    // Same UTF-16 length, different UTF-8 length.
    ['é', 'e', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
  });

  it('compares with crypto.timingSafeEqual, also when the lengths differ', () => {
    constantTimeEqual('abcdef', 'abcdeg');
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    constantTimeEqual('abcdef', 'abc');
    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
  });
});
