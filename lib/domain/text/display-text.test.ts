import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDisplayText, textLength } from './display-text';

const value = (raw: string, multiline = false) => {
  const r = readDisplayText(raw, { multiline });
  return r.ok ? r.value : `refused: ${r.problem} ${r.message}`;
};

describe('readDisplayText: accepted, stored as returned', () => {
  it.each([
    ['Web Shop', 'Web Shop'],
    ['  padded\t\n', 'padded'],
    // NFC: a decomposed é becomes the precomposed one; Hangul jamo compose to a syllable.
    ['Cafe\u0301', 'Caf\u00e9'],
    ['\u1100\u1161', '\uac00'],
    ['Ångström', 'Ångström'],
    // Astral-plane characters are one character each.
    ['🚀 Launch', '🚀 Launch'],
    ['𠮷野家', '𠮷野家'],
    ['\u{1D400}\u{1D401}', '\u{1D400}\u{1D401}'],
    // Right-to-left scripts need no control characters.
    ['שלום עולם', 'שלום עולם'],
    ['مرحبا', 'مرحبا'],
    // Joiners and selectors where they are part of what the text visibly says.
    ['👩\u200d💻 dev', '👩\u200d💻 dev'],
    ['🏳\ufe0f\u200d🌈', '🏳\ufe0f\u200d🌈'],
    ['👨\u200d👩\u200d👧\u200d👦', '👨\u200d👩\u200d👧\u200d👦'],
    ['👍🏽', '👍🏽'],
    ['❤\ufe0f', '❤\ufe0f'],
    ['1\ufe0f\u20e3', '1\ufe0f\u20e3'],
    ['\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['می\u200cخواهم', 'می\u200cخواهم'],
    ['क्\u200dष', 'क्\u200dष'],
    ['葛\u{E0100}', '葛\u{E0100}'],
    // Spaces other than U+0020 inside are visible spaces; at the ends they are trimmed.
    ['a\u00a0b\u3000c', 'a\u00a0b\u3000c'],
    ['\u3000a\u2003', 'a'],
    ['\u0085edge\u2028', 'edge'],
  ])('%j → %j', (raw, expected) => expect(value(raw)).toBe(expected));

  it('multi-line text keeps line breaks (CR LF and CR become LF), nothing else changes', () => {
    expect(value('first line\r\nsecond\rthird\n', true)).toBe('first line\nsecond\nthird');
    expect(value('first\nsecond')).toBe('refused: control Control characters are not allowed (found U+000A).');
    expect(value('tab\there', true)).toBe('refused: control Control characters are not allowed (found U+0009).');
  });
});

describe('readDisplayText: refused, naming the code point', () => {
  it.each([
    ['\ud800', 'ill_formed', 'U+D800'],
    ['a\udc00b', 'ill_formed', 'U+DC00'],
    ['x\udbff', 'ill_formed', 'U+DBFF'],
    ['nul\u0000', 'control', 'U+0000'],
    ['esc\u001b[31m', 'control', 'U+001B'],
    ['del\u007f', 'control', 'U+007F'],
    ['c1\u0085inside', 'control', 'U+0085'],
    ['line\u2028sep', 'control', 'U+2028'],
    ['para\u2029sep', 'control', 'U+2029'],
    ['invoice\u202Efdp.exe', 'bidi_control', 'U+202E'],
    ['\u202Aembed', 'bidi_control', 'U+202A'],
    ['iso\u2066late\u2069', 'bidi_control', 'U+2066'],
    ['mark\u200E', 'bidi_control', 'U+200E'],
    ['mark\u200Fx', 'bidi_control', 'U+200F'],
    ['arabic\u061Cmark', 'bidi_control', 'U+061C'],
    ['zero\u200Bwidth', 'invisible', 'U+200B'],
    ['\u200B', 'invisible', 'U+200B'],
    ['join\u200Dlatin', 'invisible', 'U+200D'],
    ['non\u200Cjoin', 'invisible', 'U+200C'],
    ['word\u2060joiner', 'invisible', 'U+2060'],
    ['\uFEFFbom', 'invisible', 'U+FEFF'],
    ['bom\uFEFF', 'invisible', 'U+FEFF'],
    ['soft\u00ADhyphen', 'invisible', 'U+00AD'],
    ['\u3164', 'invisible', 'U+3164'],
    ['a\u3164b', 'invisible', 'U+3164'],
    ['prod\uFE0F', 'invisible', 'U+FE0F'],
    ['tag\u{E0041}', 'invisible', 'U+E0041'],
    ['🚀\u200D', 'invisible', 'U+200D'],
    ['\u200D🚀', 'invisible', 'U+200D'],
    ['non\uFFFFchar', 'noncharacter', 'U+FFFF'],
    ['\uFDD0', 'noncharacter', 'U+FDD0'],
  ])('%j → %s (%s)', (raw, problem, codePoint) => {
    const r = readDisplayText(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe(problem);
      expect(r.message).toContain(`(found ${codePoint})`);
    }
  });
});

describe('readDisplayText: properties', () => {
  it('what it accepts is NFC, trimmed, and accepted again unchanged (so every read returns the acknowledged value)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.boolean(), (raw, multiline) => {
        const first = readDisplayText(raw, { multiline });
        if (!first.ok) return;
        expect(first.value).toBe(first.value.normalize('NFC'));
        expect(first.value).toBe(first.value.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, ''));
        expect(readDisplayText(first.value, { multiline })).toEqual(first);
        // Well-formed: survives a UTF-8 round trip (what a database stores).
        expect(Buffer.from(first.value, 'utf8').toString('utf8')).toBe(first.value);
      }),
      { seed: 20_261_206, numRuns: 2000 },
    );
  });

  it('any string with a lone surrogate is refused as ill-formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ unit: 'grapheme', maxLength: 10 }), (before, surrogate, after) => {
        const r = readDisplayText(`${before}${String.fromCharCode(surrogate)}${after}`);
        expect(r.ok ? 'accepted' : r.problem).toBe('ill_formed');
      }),
      { seed: 20_261_206, numRuns: 500 },
    );
  });

  it('textLength counts code points', () => {
    expect(textLength('🚀🚀')).toBe(2);
    expect(textLength('é')).toBe(1);
    expect(textLength('e\u0301')).toBe(2);
  });
});
