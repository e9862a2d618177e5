import { describe, expect, it } from 'vitest';
import { checkOrigin, SAFE_METHODS, type OriginVerdict } from './origin';

const PUBLIC = 'https://trustbridge.example.com';
const BEARER = 'Bearer tbe_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const COOKIE = 'tb_session=abc';

type Row = [method: string, origin: string | null, authorization: string | null, cookie: string | null, verdict: OriginVerdict];

// Every method × origin × bearer × cookie combination that matters.
const SAFE = ['GET', 'HEAD', 'OPTIONS', 'get', 'Head'];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'TRACE'];
const ORIGINS: [string | null, 'same' | 'missing' | 'foreign'][] = [
  [PUBLIC, 'same'],
  [null, 'missing'],
  ['', 'missing'],
  ['https://evil.example', 'foreign'],
  ['null', 'foreign'],
  [`${PUBLIC}/`, 'foreign'],
  ['http://trustbridge.example.com', 'foreign'],
  ['https://trustbridge.example.com:8443', 'foreign'],
  ['https://TRUSTBRIDGE.example.com', 'foreign'],
  ['https://trustbridge.example.com.evil.example', 'foreign'],
];

const rows: Row[] = [];
for (const method of [...SAFE, ...UNSAFE]) {
  for (const [origin, kind] of ORIGINS) {
    for (const authorization of [null, BEARER]) {
      for (const cookie of [null, COOKIE]) {
        let verdict: OriginVerdict;
        if (SAFE.includes(method)) verdict = 'ok';
        else if (authorization !== null && cookie === null) verdict = 'ok';
        else verdict = kind === 'same' ? 'ok' : kind === 'missing' ? 'missing' : 'mismatch';
        rows.push([method, origin, authorization, cookie, verdict]);
      }
    }
  }
}

describe('checkOrigin', () => {
  it.each(rows)('%s origin=%j authorization=%j cookie=%j → %s', (method, origin, authorization, cookie, verdict) => {
    expect(checkOrigin({ method, origin, authorization, cookie }, PUBLIC)).toBe(verdict);
  });

  it.each([
    ['bearer tbe_x', 'ok'],
    ['BEARER tbe_x', 'ok'],
    ['Bearer\ttbe_x', 'ok'],
    ['Bearer', 'missing'],
    ['Bearer ', 'missing'],
    ['Bearer    ', 'missing'],
    ['Basic dXNlcjpwYXNz', 'missing'],
    ['Token tbe_x', 'missing'],
    ['', 'missing'],
  ] as const)('Authorization %j without cookie or Origin → %s (only a real bearer credential is exempt)', (authorization, verdict) => {
    expect(checkOrigin({ method: 'POST', origin: null, authorization, cookie: null }, PUBLIC)).toBe(verdict);
  });

  it('an empty Cookie header is no cookie: a bearer request stays exempt', () => {
    expect(checkOrigin({ method: 'POST', origin: null, authorization: BEARER, cookie: '' }, PUBLIC)).toBe('ok');
  });

  it('safe methods are exactly GET, HEAD and OPTIONS', () => {
    expect([...SAFE_METHODS].sort()).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });
});
