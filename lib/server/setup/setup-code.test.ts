import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSetupCode, normalizeSetupCode } from './setup-code';

describe('generateSetupCode', () => {
  it('is three groups of four Crockford base32 characters (no I, L, O, U)', () => {
    for (let i = 0; i < 500; i++) expect(generateSetupCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('uses all 32 characters and never repeats in practice (60 bits)', () => {
    const codes = Array.from({ length: 3000 }, () => generateSetupCode());
    expect(new Set(codes).size).toBe(3000);
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('is already normalized, apart from the dashes', () => {
    const code = generateSetupCode();
    expect(normalizeSetupCode(code)).toBe(code.replace(/-/g, ''));
  });
});

describe('normalizeSetupCode', () => {
  it.each([
    ['ABCD-EFGH-JKMN', 'ABCDEFGHJKMN'],
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    ['  abcd efgh jkmn  ', 'ABCDEFGHJKMN'],
    ['abcd\tefgh\njkmn', 'ABCDEFGHJKMN'],
    ['ABCD--EFGH--JKMN', 'ABCDEFGHJKMN'],
    ['ABCDEFGHJKMN', 'ABCDEFGHJKMN'],
    ['O0O0-IiLl-1111', '000011111111'],
    ['oooo-iiii-llll', '000011111111'],
    ['', ''],
  ])('%j → %s', (typed, normalized) => {
    expect(normalizeSetupCode(typed)).toBe(normalized);
  });

  it('every way a person may type a generated code back normalizes to the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 50 }, () => generateSetupCode())), fc.boolean(), fc.constantFrom('-', ' ', '', ' - '), (code, lower, separator) => {
        const typed = (lower ? code.toLowerCase() : code).replace(/-/g, separator);
        expect(normalizeSetupCode(typed)).toBe(normalizeSetupCode(code));
      }),
    );
  });
});
