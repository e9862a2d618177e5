import * as argon2 from '@node-rs/argon2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';

// The spy wraps the real argon2 verify: results are real, calls are visible.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...actual, verify: vi.fn(actual.verify) };
});
const verify = vi.mocked(argon2.verify);
afterEach(() => verify.mockClear());

const PASSWORD = 'correct horse battery staple';

describe('hashPassword', () => {
  it('is argon2id, version 19, with m=19456, t=2, p=1 (OWASP minimum), salted', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    // 32-byte output (43 unpadded base64 characters), random salt per hash.
    expect(first.split('$')[5]).toHaveLength(43);
    expect(first).not.toBe(second);
    expect(first).not.toContain(PASSWORD);
  });

  it('length limits follow NIST SP 800-63B', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([12, 256]);
  });
});

describe('verifyPassword', () => {
  it.each([
    [PASSWORD, true],
    [`${PASSWORD} `, false],
    [PASSWORD.toUpperCase(), false],
    ['', false],
    ['correct horse battery stapl', false],
  ])('%j against the hash of the password → %s', async (candidate, expected) => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, candidate)).toBe(expected);
  });

  it('non-ASCII passwords round-trip', async () => {
    const hash = await hashPassword('pässwörd-ünïcode-😀');
    expect(await verifyPassword(hash, 'pässwörd-ünïcode-😀')).toBe(true);
    expect(await verifyPassword(hash, 'passwörd-ünïcode-😀')).toBe(false);
  });

  it('an unknown account (no hash) is false, after a real argon2 verification (equal timing)', async () => {
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]?.[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // Even the password of the timing equaliser itself does not get in.
    expect(await verifyPassword(null, 'trustbridge-timing-equaliser-not-a-password')).toBe(false);
  });

  it.each(['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$broken', '$2b$10$abcdefghijklmnopqrstuv'])('a malformed stored hash %j is false, never a throw', async (stored) => {
    await expect(verifyPassword(stored, PASSWORD)).resolves.toBe(false);
  });
});
