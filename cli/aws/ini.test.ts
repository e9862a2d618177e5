import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionName, upsertSection } from './ini';

const KEYS = [
  ['aws_access_key_id', 'ASIANEW'],
  ['aws_secret_access_key', 'secret/new+'],
  ['aws_session_token', 'token=='],
] as const;

describe('upsertSection', () => {
  it('appends a new section to an empty file', () => {
    expect(upsertSection('', 'ci', KEYS)).toBe('[ci]\naws_access_key_id = ASIANEW\naws_secret_access_key = secret/new+\naws_session_token = token==\n');
  });

  it('appends after other profiles, separated by one blank line, keeping them byte for byte', () => {
    const before = '# my keys\n[default]\naws_access_key_id = AKIAOLD\n\n; prod\n[prod]\nregion=eu-west-1';
    const after = upsertSection(before, 'ci', KEYS);
    expect(after.startsWith(`${before}\n\n[ci]\n`)).toBe(true);
    expect(after.endsWith('aws_session_token = token==\n')).toBe(true);
  });

  it('replaces the keys of an existing section in place and keeps its other keys, comments and the rest of the file', () => {
    const before = [
      '[default]',
      'aws_access_key_id=AKIAKEEP',
      '',
      '# ci profile (written by trustbridge)',
      '[ci]',
      'region = us-west-2',
      'AWS_Access_Key_ID = ASIAOLD',
      '; a comment inside',
      'aws_secret_access_key = old',
      '',
      '[other]',
      'aws_session_token = untouched',
      '',
    ].join('\n');
    const after = upsertSection(before, 'ci', KEYS);
    expect(after).toBe(
      [
        '[default]',
        'aws_access_key_id=AKIAKEEP',
        '',
        '# ci profile (written by trustbridge)',
        '[ci]',
        'region = us-west-2',
        'aws_access_key_id = ASIANEW',
        '; a comment inside',
        'aws_secret_access_key = secret/new+',
        'aws_session_token = token==',
        '',
        '[other]',
        'aws_session_token = untouched',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line endings and writes new lines with them', () => {
    const before = '[a]\r\nx = 1\r\n\r\n[ci]\r\naws_access_key_id = old\r\n';
    expect(upsertSection(before, 'ci', KEYS)).toBe('[a]\r\nx = 1\r\n\r\n[ci]\r\naws_access_key_id = ASIANEW\r\naws_secret_access_key = secret/new+\r\naws_session_token = token==\r\n');
  });

  it('drops the continuation lines of a replaced value and keeps those of other keys', () => {
    const before = '[profile ci]\ns3 =\n  max_concurrent_requests = 10\nregion = us-east-1\n  continued\n[x]\n';
    expect(upsertSection(before, 'profile ci', [['region', 'eu-west-1']])).toBe('[profile ci]\ns3 =\n  max_concurrent_requests = 10\nregion = eu-west-1\n[x]\n');
    expect(upsertSection(before, 'profile ci', [['output', 'json']])).toBe('[profile ci]\ns3 =\n  max_concurrent_requests = 10\nregion = us-east-1\n  continued\noutput = json\n[x]\n');
  });

  it('adds a missing key after the last key of a section at the end of a file without a final newline', () => {
    expect(upsertSection('[ci]\naws_access_key_id = a', 'ci', [['aws_session_token', 't']])).toBe('[ci]\naws_access_key_id = a\naws_session_token = t\n');
  });

  it('finds headers with inner spaces and [profile default] for default', () => {
    expect(upsertSection('[profile   ci]\nregion = a\n', 'profile ci', [['region', 'b']])).toBe('[profile   ci]\nregion = b\n');
    expect(upsertSection('[profile default]\nregion = a\n', 'default', [['region', 'b']])).toBe('[profile default]\nregion = b\n');
  });

  it('names config sections [profile x] except default, credentials sections [x]', () => {
    expect(sectionName('config', 'ci')).toBe('profile ci');
    expect(sectionName('config', 'default')).toBe('default');
    expect(sectionName('credentials', 'ci')).toBe('ci');
  });

  it('never changes a byte outside the section it writes (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# comment', '; other', 'key = value', 'k=v', '  continued', 'région = é'),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n[\]]/g, '')),
    );
    const section = fc.record({ name: fc.constantFrom('a', 'b', 'profile c', 'default'), lines: fc.array(line, { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (sections, eol) => {
        const names = new Set<string>();
        const kept = sections.filter((s) => (names.has(s.name) ? false : (names.add(s.name), true)));
        const render = (s: { name: string; lines: string[] }) => `[${s.name}]${eol}${s.lines.map((l) => `${l}${eol}`).join('')}`;
        const before = kept.map(render).join('');
        const after = upsertSection(before, 'ci', KEYS);
        // Every section other than [ci] is still there, verbatim, in order.
        expect(after.startsWith(before)).toBe(true);
        expect(upsertSection(after, 'ci', KEYS)).toBe(after);
      }),
    );
  });
});
