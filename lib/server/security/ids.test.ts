import { describe, expect, it } from 'vitest';
import { ID_PATTERN, isId, newId } from './ids';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const decodeTime = (id: string) => [...id.slice(0, 10)].reduce((n, c) => n * 32 + ALPHABET.indexOf(c), 0);
// Frozen clock: newId takes the time as an argument.
const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('newId', () => {
  it('is 26 lowercase Crockford base32 characters', () => {
    for (let i = 0; i < 200; i++) expect(newId(NOW)).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{26}$/);
  });

  it.each([
    [0, '0000000000'],
    [1, '0000000001'],
    [31, '000000000z'],
    [32, '0000000010'],
    [2 ** 48 - 1, '7zzzzzzzzz'],
  ])('time %d is encoded as %s', (time, prefix) => {
    expect(newId(time).slice(0, 10)).toBe(prefix);
  });

  it('the first 10 characters decode back to the millisecond timestamp', () => {
    expect(decodeTime(newId(NOW))).toBe(NOW);
    expect(decodeTime(newId(NOW + 1))).toBe(NOW + 1);
  });

  it('ids from later milliseconds sort after earlier ones (keyset pagination orders by id)', () => {
    const times = [NOW - 86_400_000, NOW - 1000, NOW - 1, NOW, NOW + 1, NOW + 31, NOW + 32, NOW + 1024];
    const ids = times.map((t) => newId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats within one millisecond', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newId(NOW)));
    expect(ids.size).toBe(20_000);
  });

  it('the 16 random characters use the whole alphabet in every position (80 random bits)', () => {
    const perPosition = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 4000; i++) {
      const random = newId(NOW).slice(10);
      [...random].forEach((c, p) => perPosition[p]?.add(c));
    }
    for (const seen of perPosition) expect(seen.size).toBe(32);
  });
});

describe('isId', () => {
  it.each([
    [newId(NOW), true],
    ['0'.repeat(26), true],
    ['0'.repeat(25), false],
    ['0'.repeat(27), false],
    [newId(NOW).toUpperCase(), false],
    ['0000000000000000000000000i', false],
    ['0000000000000000000000000l', false],
    ['0000000000000000000000000o', false],
    ['0000000000000000000000000u', false],
    [` ${'0'.repeat(25)}`, false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isId(value)).toBe(expected);
    expect(ID_PATTERN.test(value)).toBe(expected);
  });
});
