import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SLUG_PATTERN, slugify, ZDescription, ZDisplayText, ZEmail, ZId, ZName, ZNewPassword, ZPageQuery, ZRole, ZSlug, ZStage, ZVersion } from './common';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('ZSlug', () => {
  it.each([
    ['a', 'a'],
    ['web-shop', 'web-shop'],
    ['a1', 'a1'],
    ['1a', '1a'],
    ['0', '0'],
    ['a--b', 'a--b'],
    ['  web-shop  ', 'web-shop'],
    ['a'.repeat(40), 'a'.repeat(40)],
    [`a${'-'.repeat(38)}b`, `a${'-'.repeat(38)}b`],
  ])('%j is valid → %j', (input, output) => {
    expect(ZSlug.parse(input)).toBe(output);
  });

  it.each(['', ' ', '-', '-a', 'a-', 'Web', 'web_shop', 'web shop', 'web.shop', 'a'.repeat(41), 'zürich', 'a:b', 'a%b', 'a*', '\u200bweb'])('%j is refused with the slug rule', (input) => {
    expect(firstMessage(ZSlug.safeParse(input))).toBe('Use 1–40 lowercase letters, digits or hyphens; start and end with a letter or digit.');
  });
});

describe('ZName (the shared text rule, 1–80 characters)', () => {
  it.each([
    ['Web Shop', 'Web Shop'],
    ['  padded  ', 'padded'],
    ['Zürich – Prod ☁', 'Zürich – Prod ☁'],
    ['x'.repeat(80), 'x'.repeat(80)],
    ['\nline\n', 'line'],
    // Stored in NFC: what a later read returns is what this parse returned.
    ['Cafe\u0301', 'Caf\u00e9'],
    // Characters are code points: 80 emoji (160 UTF-16 units) fit.
    ['🚀'.repeat(80), '🚀'.repeat(80)],
    ['👩\u200d💻 platform', '👩\u200d💻 platform'],
  ])('%j → %j', (input, output) => {
    expect(ZName.parse(input)).toBe(output);
  });

  it.each([
    ['', 'Enter a name.'],
    ['   ', 'Enter a name.'],
    ['\t\n', 'Enter a name.'],
    ['x'.repeat(81), 'Use at most 80 characters.'],
    [` ${'x'.repeat(81)} `, 'Use at most 80 characters.'],
    ['🚀'.repeat(81), 'Use at most 80 characters.'],
    ['tab\tinside', 'Control characters are not allowed (found U+0009).'],
    ['new\nline', 'Control characters are not allowed (found U+000A).'],
    ['nul\u0000', 'Control characters are not allowed (found U+0000).'],
    ['del\u007f', 'Control characters are not allowed (found U+007F).'],
    ['esc\u001b[31m', 'Control characters are not allowed (found U+001B).'],
    ['lone\ud800', 'The text is not valid Unicode: it has an unpaired surrogate (found U+D800).'],
    ['evil\u202etxt.exe', 'Text-direction control characters are not allowed (found U+202E).'],
    ['zero\u200bwidth', 'Invisible characters are not allowed (found U+200B).'],
    ['\ufeffbom', 'Invisible characters are not allowed (found U+FEFF).'],
  ])('%j is refused: %s', (input, message) => {
    expect(firstMessage(ZName.safeParse(input))).toBe(message);
  });
});

describe('ZDisplayText', () => {
  it('optional text may be empty; multi-line text keeps LF', () => {
    const description = ZDisplayText({ max: 10, multiline: true });
    expect(description.parse('  ')).toBe('');
    expect(description.parse('a\r\nb')).toBe('a\nb');
    expect(firstMessage(description.safeParse('x'.repeat(11)))).toBe('Use at most 10 characters.');
    expect(firstMessage(description.safeParse(42))).toMatch(/expected string/);
  });

  it('names the field in a parent object, like every other rule', () => {
    const result = ZDescriptionHolder.safeParse({ title: 'ok', description: 'bad\u2066' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['description', 'Text-direction control characters are not allowed (found U+2066).']]);
  });
});

const ZDescriptionHolder = z.object({ title: ZName, description: ZDescription });

describe('ZEmail', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['Ada.Lovelace@Example.COM', 'ada.lovelace@example.com'],
    ['  grace+ci@example.org  ', 'grace+ci@example.org'],
    ['a@b.co', 'a@b.co'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.io`, `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.io`],
  ])('%j → %j', (input, output) => {
    expect(ZEmail.parse(input)).toBe(output);
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', 'ada@@example.com', 'a..b@example.com', '.ada@example.com', 'ada.@example.com', 'ada@-example.com', 'ada@exa mple.com', 'ada lovelace@example.com', 'ada@127.0.0.1'])(
    '%j is not an email',
    (input) => {
      expect(firstMessage(ZEmail.safeParse(input))).toBe('Enter a valid email address.');
    },
  );

  it('more than 254 characters is refused before the format check', () => {
    expect(firstMessage(ZEmail.safeParse(`${'a'.repeat(64)}@${'b'.repeat(190)}.com`))).toBe('Use at most 254 characters.');
  });
});

describe('ZNewPassword', () => {
  it.each([
    ['x'.repeat(12), true],
    ['            ', true],
    ['x'.repeat(256), true],
    ['x'.repeat(11), false],
    ['x'.repeat(257), false],
    ['', false],
  ])('%j (length %#) → %s', (input, ok) => {
    expect(ZNewPassword.safeParse(input).success).toBe(ok);
  });

  it('messages name the bound; whitespace is not trimmed (it counts)', () => {
    expect(firstMessage(ZNewPassword.safeParse('short'))).toBe('Use at least 12 characters.');
    expect(firstMessage(ZNewPassword.safeParse('x'.repeat(257)))).toBe('Use at most 256 characters.');
    expect(ZNewPassword.parse('  twelve ch  ')).toBe('  twelve ch  ');
    expect(firstMessage(ZNewPassword.safeParse('twelve chars\ud800'))).toBe('The password is not valid Unicode: it has an unpaired surrogate.');
    expect(ZNewPassword.parse('emoji 🔑 and ünïcode')).toBe('emoji 🔑 and ünïcode');
  });
});

describe('enums, ids, versions, pages', () => {
  it.each([
    [ZStage, 'production', true],
    [ZStage, 'Production', false],
    [ZStage, 'prod', false],
    [ZRole, 'owner', true],
    [ZRole, 'superuser', false],
    [ZId, '01m8474fmb8q3dvcafhgt5c8g9', true],
    [ZId, '01M8474FMB8Q3DVCAFHGT5C8G9', false],
    [ZId, '01m8474fmb8q3dvcafhgt5c8gi', false],
    [ZVersion, 1, true],
    [ZVersion, 0, false],
    [ZVersion, 1.5, false],
  ] as const)('%#: %j → %s', (schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  it('messages of enums and ids', () => {
    expect(firstMessage(ZStage.safeParse('prod'))).toBe('Choose development, staging or production.');
    expect(firstMessage(ZRole.safeParse('x'))).toBe('Choose owner, admin or member.');
    expect(firstMessage(ZId.safeParse('x'))).toBe('Not a valid id.');
  });

  it.each([
    [{}, { limit: 50 }],
    [{ limit: '200' }, { limit: 200 }],
    [{ limit: '1', cursor: '01m8474fmb8q3dvcafhgt5c8g9' }, { limit: 1, cursor: '01m8474fmb8q3dvcafhgt5c8g9' }],
  ])('page query %j → %j', (query, parsed) => {
    expect(ZPageQuery.parse(query)).toEqual(parsed);
  });

  it.each([{ limit: '0' }, { limit: '201' }, { limit: '2.5' }, { cursor: 'not-an-id' }, { cursor: `${'0'.repeat(26)}' OR 1=1` }])('page query %j is refused', (query) => {
    expect(ZPageQuery.safeParse(query).success).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Acme Platform', 'acme-platform'],
    ['Web Shop', 'web-shop'],
    ['  --Hello__World--  ', 'hello-world'],
    ['Zürich', 'zurich'],
    ['Café Ops', 'cafe-ops'],
    ['Ångström Labs', 'angstrom-labs'],
    ['Ｆｕｌｌ width', 'full-width'],
    ['東京', ''],
    ['', ''],
    ['x'.repeat(45), 'x'.repeat(40)],
    // Cut at 40, then no trailing hyphen.
    [`${'a'.repeat(39)} b`, 'a'.repeat(39)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('is always a valid slug or empty (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const slug = slugify(name);
        expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
