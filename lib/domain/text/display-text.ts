// The one rule for text people type and other people read: names and descriptions of
// organizations, projects, environments, tokens, trust policies, people, AWS roles, credentials.
// What a 2xx acknowledges is stored, and every later read returns it, byte for byte; and a name
// cannot pretend to be another. In order:
//   1. well-formed UTF-16 — a lone surrogate has no UTF-8 encoding (SQLite stored invalid UTF-8
//      and every read returned U+FFFD instead), so it is refused, never repaired;
//   2. NFC (Unicode normalization form C): "é" typed as e + U+0301 is stored as U+00E9, so two
//      names that look the same are the same string (unique names, search, sort);
//   3. White_Space trimmed at both ends (and, in multi-line text, CR LF / CR → LF);
//   4. refused anywhere in the text (the message names the code point):
//      - control characters (Unicode Cc, U+2028/U+2029) — in multi-line text LF is allowed;
//      - bidirectional formatting characters: the embeddings/overrides U+202A–U+202E and isolates
//        U+2066–U+2069 reorder what follows them ("Trojan Source", CVE-2021-42574), and the
//        invisible marks U+200E, U+200F, U+061C. The marks have real uses in long mixed-direction
//        prose, but not in a label: the Unicode bidi algorithm orders a name of one script
//        without them, and invisible they only let two different names look identical;
//      - other invisible characters (Unicode Default_Ignorable_Code_Point: zero-width space
//        U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen, Hangul fillers, tags, …), except
//        where they are part of what the text visibly says: ZWJ inside an emoji sequence
//        (👩‍💻), ZWJ/ZWNJ between letters of the scripts whose spelling uses them (Persian,
//        Indic), a variation selector after a character it selects a glyph of (❤️, 葛󠄀), the tag
//        characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿);
//      - noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …), reserved for internal use.
// Private-use and unassigned code points are accepted: whether a code point is assigned depends
// on the Unicode version of the runtime, and the rule must give one answer in browser and server.

export type TextProblem = 'ill_formed' | 'control' | 'bidi_control' | 'invisible' | 'noncharacter';

export type DisplayText = { ok: true; value: string } | { ok: false; problem: TextProblem; codePoint: number; message: string };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

const JOINING_SCRIPTS = String.raw`\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}`;

/** Default-ignorable characters where they are part of what the text visibly says. */
const VISIBLE_IN_CONTEXT = new RegExp(
  [
    String.raw`(?<=[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])\u200D(?=\p{Extended_Pictographic})`,
    String.raw`(?<=[${JOINING_SCRIPTS}])[\u200C\u200D](?=[${JOINING_SCRIPTS}])`,
    String.raw`(?<=\p{Emoji})[\uFE0E\uFE0F]`,
    String.raw`(?<=\p{sc=Han})[\uFE00-\uFE0D\u{E0100}-\u{E01EF}]`,
    String.raw`(?<=\p{sc=Mongolian})[\u180B-\u180D\u180F]`,
    String.raw`(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}`,
  ].join('|'),
  'gu',
);

const CHECKS: readonly [TextProblem, RegExp, string][] = [
  ['control', /[\p{Cc}\u2028\u2029]/u, 'Control characters are not allowed'],
  ['bidi_control', /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u, 'Text-direction control characters are not allowed'],
  ['invisible', /\p{Default_Ignorable_Code_Point}/u, 'Invisible characters are not allowed'],
  ['noncharacter', /\p{Noncharacter_Code_Point}/u, 'Unicode noncharacters are not allowed'],
];

/** No lone surrogate: the text has a UTF-8 encoding (String.prototype.isWellFormed, ES2024). */
export const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

function refused(problem: TextProblem, codePoint: number, text: string): DisplayText {
  return { ok: false, problem, codePoint, message: `${text} (found ${hex(codePoint)}).` };
}

export function readDisplayText(raw: string, options: { multiline?: boolean } = {}): DisplayText {
  const lone = LONE_SURROGATE.exec(raw);
  if (lone) return refused('ill_formed', lone[0].charCodeAt(0), 'The text is not valid Unicode: it has an unpaired surrogate');
  let value = raw.normalize('NFC');
  if (options.multiline) value = value.replace(/\r\n?/g, '\n');
  value = value.replace(EDGE_SPACE, '');
  const checked = value.replace(VISIBLE_IN_CONTEXT, '').replace(options.multiline ? /\n/g : /(?!)/g, '');
  for (const [problem, pattern, text] of CHECKS) {
    const found = pattern.exec(checked);
    if (found) return refused(problem, found[0].codePointAt(0) ?? 0, text);
  }
  return { ok: true, value };
}

/** Length as a person counts it closely enough: code points (an emoji is one, not two UTF-16 units). */
export const textLength = (value: string) => [...value].length;
