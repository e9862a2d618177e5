import { describe, expect, it } from 'vitest';
import { decodeJwt, MAX_JSON_DEPTH } from './decode-jwt';
import { scanJson } from './json-scan';

// Table-driven malformed inputs: each names the segment and the way it breaks, never throws.

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const HEADER = { alg: 'ES256', kid: 'k1', typ: 'JWT' };
const CLAIMS = { iss: 'https://tb.example.com/oidc/org_abc', sub: 'org:org_abc:project:web:environment:prod', aud: 'sts.amazonaws.com', exp: 2_000_000_000 };
const token = (h: unknown = HEADER, p: unknown = CLAIMS, s = 'c2lnbmF0dXJl') => `${b64(h)}.${b64(p)}.${s}`;

describe('decodeJwt decodes', () => {
  it('header and claims of a compact JWS, ignoring surrounding white space', () => {
    const r = decodeJwt(`\n  ${token()}\n`);
    expect(r).toMatchObject({ ok: true, header: HEADER, claims: CLAIMS, duplicateKeys: [], signatureProblem: null, length: token().length });
  });
  it('unicode claims (UTF-8)', () => {
    const r = decodeJwt(token(HEADER, { ...CLAIMS, name: 'Zoë 🚀 東京' }));
    expect(r.ok && r.claims.name).toBe('Zoë 🚀 東京');
  });
  it('huge numbers as JSON numbers (the checks judge them)', () => {
    const r = decodeJwt(`${b64(HEADER)}.${b64('{"exp":1e400,"iat":123456789012345678901234567890}')}.c2ln`);
    expect(r.ok && r.claims.exp).toBe(Number.POSITIVE_INFINITY);
  });
  it('an unsigned token decodes, with its signature problem named', () => {
    const r = decodeJwt(token({ alg: 'none' }, CLAIMS, ''));
    expect(r).toMatchObject({ ok: true, signatureProblem: 'The signature (part 3) is empty: the token is unsigned.' });
  });
  it('a signature that is not base64url decodes, with the problem named', () => {
    const r = decodeJwt(token(HEADER, CLAIMS, 'ab+/cd=='));
    expect(r.ok && r.signatureProblem).toMatch(/signature \(part 3\) is not base64url: character 3 is "\+" \(that is base64/);
  });
  it('duplicate member names, with where they are', () => {
    const r = decodeJwt(`${b64('{"alg":"ES256","alg":"none"}')}.${b64('{"sub":"a","x":{"k":1,"k":2},"sub":"b"}')}.c2ln`);
    expect(r.ok && r.duplicateKeys).toEqual([
      { segment: 'header', path: '$', key: 'alg' },
      { segment: 'payload', path: '$.x', key: 'k' },
      { segment: 'payload', path: '$', key: 'sub' },
    ]);
  });
});

describe('decodeJwt says where malformed input breaks', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['empty', '', { code: 'empty', segment: null }],
    ['white space only', ' \n\t ', { code: 'empty', segment: null }],
    ['one segment', 'abc', { code: 'segment_count', segment: null, message: expect.stringContaining('this has 1') }],
    ['two segments', `${b64(HEADER)}.${b64(CLAIMS)}`, { code: 'segment_count', message: expect.stringContaining('this has 2') }],
    ['four segments', `${token()}.x`, { code: 'segment_count', message: expect.stringContaining('this has 4') }],
    ['five segments (JWE)', 'a.b.c.d.e', { code: 'segment_count', message: expect.stringContaining('encrypted token (JWE)') }],
    ['empty header', `.${b64(CLAIMS)}.sig`, { code: 'empty_segment', segment: 'header', offset: 0 }],
    ['empty payload', `${b64(HEADER)}..sig`, { code: 'empty_segment', segment: 'payload' }],
    ['base64 "+" in the header', `ab+c.${b64(CLAIMS)}.sig`, { code: 'bad_base64url', segment: 'header', offset: 2, message: expect.stringContaining('that is base64') }],
    ['padding in the payload', `${b64(HEADER)}.${b64(CLAIMS)}==.sig`, { code: 'bad_base64url', segment: 'payload', message: expect.stringContaining('padding') }],
    ['white space inside', `${b64(HEADER)}.ab cd.sig`, { code: 'bad_base64url', segment: 'payload', message: expect.stringContaining('white space') }],
    ['impossible length', `${b64(HEADER)}.abcde.sig`, { code: 'bad_base64url', segment: 'payload', message: expect.stringContaining('impossible') }],
    ['unicode in a segment', `${b64(HEADER)}.é🚀.sig`, { code: 'bad_base64url', segment: 'payload', message: expect.stringContaining('"é"') }],
    ['not UTF-8', `${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${b64(CLAIMS)}.sig`, { code: 'bad_utf8', segment: 'header' }],
    ['header not JSON', `${b64('not json')}.${b64(CLAIMS)}.sig`, { code: 'bad_json', segment: 'header', message: expect.stringContaining('"not json"') }],
    ['payload an array', token(HEADER, [1, 2]), { code: 'not_object', segment: 'payload', message: expect.stringContaining('an array') }],
    ['payload a number', token(HEADER, 42), { code: 'not_object', segment: 'payload', message: expect.stringContaining('a number') }],
    ['payload null', token(HEADER, null), { code: 'not_object', segment: 'payload', message: expect.stringContaining('null') }],
    ['header a string', token('"ES256"'), { code: 'not_object', segment: 'header' }],
    ['deep nesting', token(HEADER, JSON.parse(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)), { code: 'too_deep', segment: 'payload' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const r = decodeJwt(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject(expected);
  });
  it('keeps the header when only the payload breaks', () => {
    const r = decodeJwt(`${b64(HEADER)}.!!!.sig`);
    expect(r).toMatchObject({ ok: false, header: HEADER, error: { segment: 'payload', offset: b64(HEADER).length + 1 } });
  });
  it('1 MB of anything decodes or fails quickly, never throws', () => {
    for (const input of ['a'.repeat(1_000_000), `${'A'.repeat(500_000)}.${'B'.repeat(500_000)}.C`, '.'.repeat(1_000_000), `${b64(HEADER)}.${b64('['.repeat(300_000) + ']'.repeat(300_000))}.s`]) {
      expect(() => decodeJwt(input)).not.toThrow();
    }
  });
});

describe('scanJson', () => {
  it('finds duplicates written with escapes, and the depth', () => {
    expect(scanJson('{"a":1,"\\u0061":2,"b":[{"c":1},{"c":2}]}')).toEqual({ duplicates: [{ path: '$', key: 'a' }], depth: 3 });
  });
  it('ignores braces and quotes inside strings', () => {
    expect(scanJson('{"a":"}{\\"a\\":","b":"[[["}')).toEqual({ duplicates: [], depth: 1 });
  });
  it('is iterative: 300,000 levels do not overflow the stack', () => {
    expect(scanJson(`${'['.repeat(300_000)}${']'.repeat(300_000)}`).depth).toBe(300_000);
  });
});
