import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it.each([
    'password',
    'Password',
    'newPassword',
    'passwordHash',
    'pass',
    'secret',
    'clientSecret',
    'secretAccessKey',
    'token',
    'Token',
    'tokenHash',
    'hash',
    'codeHash',
    'privateKey',
    'privateJwk',
    'session',
    'sessionToken',
    'credential',
    'awsCredentials',
    'setupCode',
  ])('the key %s is redacted at any depth', (key) => {
    expect(redact({ [key]: 'tbe_secret_value' })).toEqual({ [key]: '[redacted]' });
    expect(redact({ outer: { list: [{ [key]: { nested: 'x' } }] } })).toEqual({ outer: { list: [{ [key]: '[redacted]' }] } });
  });

  it.each(['name', 'prefix', 'email', 'role', 'kid', 'tokenCount', 'stage', 'activatesAt', 'environmentTokenId'])('the key %s is kept', (key) => {
    expect(redact({ [key]: 'visible' })).toEqual({ [key]: 'visible' });
  });

  it('keeps the shape: arrays, primitives, null; dates become ISO strings', () => {
    const at = new Date('2026-11-23T12:00:00.000Z');
    expect(redact({ a: [1, 'two', null, true], at, nested: { n: 0 } })).toEqual({ a: [1, 'two', null, true], at: '2026-11-23T12:00:00.000Z', nested: { n: 0 } });
    expect(redact('plain')).toBe('plain');
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeUndefined();
    expect(redact([{ password: 'x' }])).toEqual([{ password: '[redacted]' }]);
  });

  it('stops at depth 8 instead of walking a deep or hostile structure', () => {
    let deep: unknown = { password: 'x' };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    const out = JSON.stringify(redact(deep));
    expect(out).toContain('[truncated]');
    expect(out).not.toContain('"x"');
  });

  it('does not modify its input', () => {
    const input = { password: 'x', nested: { token: 'y' } };
    redact(input);
    expect(input).toEqual({ password: 'x', nested: { token: 'y' } });
  });
});
