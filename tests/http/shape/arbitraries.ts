// fast-check generators for the route fuzz (route-fuzz.test.ts): request paths mutated from a
// route's concrete URL, methods, query strings and bodies that are wrong in every way a client
// can be wrong. Nothing here knows a route: a new route is fuzzed by the same generators.
import fc from 'fast-check';
import { HANDLER_METHODS, UNSUPPORTED_METHODS } from './targets';

export interface FuzzRequest {
  method: string;
  path: string;
  contentType: string | null;
  body: Buffer | null;
  signedIn: boolean;
  /** What was done to the request, for the failure report. */
  label: string;
}

const BAD_PERCENT = ['%ZZ', '%E0%A4%A', '%', '%4', '%C0%AF', '%ED%A0%80', '%FF%FE', '%F4%90%80%80', '%%', 'x%G1'];

/**
 * UTF-8 bytes written as latin1 characters: node's client then puts the raw bytes on the wire.
 * (Spaces and controls cannot be sent in a request line at all; they become `_`.)
 */
const rawUtf8 = (text: string) => Buffer.from(text.replace(/[\x00-\x20\x7f]/g, '_'), 'utf8').toString('latin1');

const segmentMutation: fc.Arbitrary<{ segment: string; label: string }> = fc.oneof(
  fc.constantFrom(...BAD_PERCENT).map((segment) => ({ segment, label: `bad percent-encoding ${segment}` })),
  fc.integer({ min: 200, max: 7000 }).map((n) => ({ segment: 'a'.repeat(n), label: `segment of ${n} characters` })),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((text) => ({ segment: encodeURIComponent(text), label: `percent-encoded unicode ${JSON.stringify(text)}` })),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((text) => ({ segment: rawUtf8(text), label: `raw UTF-8 bytes ${JSON.stringify(text)}` })),
  fc.constantFrom('..', '.', '%2e%2e', '%2E', '.%2e', '%00', '%2F', '%5C', '', '~', '%0A', '%20', '%u0041').map((segment) => ({ segment, label: `segment ${JSON.stringify(segment)}` })),
);

/** The concrete path with one segment replaced by, or followed by, a malformed one. */
export function mutatedPath(segments: readonly string[]): fc.Arbitrary<{ path: string; label: string }> {
  return fc.record({ at: fc.nat({ max: segments.length }), replace: fc.boolean(), mutation: segmentMutation }).map(({ at, replace, mutation }) => {
    const out = [...segments];
    // Never touch `api` itself: that would only test the pages, which the pages' cases do.
    const index = Math.max(1, at);
    if (replace && index < out.length) out[index] = mutation.segment;
    else out.splice(index, 0, mutation.segment);
    return { path: `/${out.join('/')}`, label: `${replace ? 'replaced' : 'inserted'} segment ${index}: ${mutation.label}` };
  });
}

export const queryString: fc.Arbitrary<{ query: string; label: string }> = fc.oneof(
  fc.constantFrom(
    '?limit=1&limit=2&limit=abc',
    '?cursor=%ZZ',
    '?cursor=%E0%A4%A&limit=%',
    '?limit=-1',
    '?limit=1e400',
    '?limit=0x10',
    '?cursor=' + '0'.repeat(5000),
    '?__proto__=x&constructor=y',
    '?a[]=1&a[]=2&a[x]=3',
    '?&&=&==&',
    '?audience=%00&audience=',
    '?since=not-a-date&until=2020-13-45',
    '?projectId=..%2F..&stage=%F0%9F%92%A5',
    '?format=xml',
    '?action=%ED%A0%80',
  ).map((query) => ({ query, label: `query ${query.slice(0, 60)}` })),
  fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 40 }), { maxKeys: 4 }).map((entries) => {
    const query = `?${new URLSearchParams(entries).toString()}`;
    return { query, label: `query ${query.slice(0, 60)}` };
  }),
);

// Keys the API's bodies use, so that objects reach the field validators and not just "unknown key".
const KEYS = ['name', 'slug', 'description', 'version', 'role', 'email', 'password', 'token', 'code', 'policy', 'request', 'projectId', 'stage', 'expiresAt', 'audience', 'audiences', 'subjectTemplate', 'leadHours', 'algorithm', 'confirm', 'builder', 'issuer', 'accountId', 'action', 'context', 'principal', 'sessionTags', 'tokenLifetimeSeconds', 'rotationPeriodDays', 'rotationLeadHours', 'confirmSubjectChange', 'orgId', 'roleArn', 'roleName', 'providerId', 'durationSeconds', 'awsCredentials', 'environmentId', 'format', '__proto__', 'constructor'];

const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'a\udc00b', '\u202eevil', 'zero\u200bwidth', '\ufeff', '\u0085', 'line\u2028sep', 'x'.repeat(70_000), '🚀'.repeat(300), "'; DROP TABLE users; --", '${7*7}', '../../etc/passwd', 'null', 'true', '-1', '1e309', 'e\u0301'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(nastyString, fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE), fc.integer());
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 })),
})).node;

const json = (text: string, label: string, contentType: string | null = 'application/json') => ({ body: Buffer.from(text), contentType, label });

export const body: fc.Arbitrary<{ body: Buffer | null; contentType: string | null; label: string }> = fc.oneof(
  fc.constant({ body: null, contentType: null, label: 'no body' }),
  fc.constantFrom(
    json('not json', 'not JSON'),
    json('{"name": "x",', 'truncated JSON'),
    json('[]', 'JSON array'),
    json('[{"name":"x"}]', 'JSON array of an object'),
    json('42', 'JSON number'),
    json('null', 'JSON null'),
    json('"text"', 'JSON string'),
    json('true', 'JSON true'),
    json('', 'empty body with a JSON content type'),
    json('['.repeat(20_000) + ']'.repeat(20_000), 'array nested 20000 deep'),
    json(`{"policy":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, 'object nested 5000 deep'),
    json(JSON.stringify({ name: 'x'.repeat(200_000) }), '200 kB string'),
    json(JSON.stringify({ name: 'x', slug: 'y' }), 'JSON sent as text/plain', 'text/plain'),
    json(JSON.stringify({ name: 'x', slug: 'y' }), 'JSON without a content type', null),
    json('name=x&slug=y', 'a form body', 'application/x-www-form-urlencoded'),
    json('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--', 'multipart', 'multipart/form-data; boundary=b'),
    json(JSON.stringify({ name: 'x' }), 'JSON declared as UTF-16', 'application/json; charset=utf-16'),
    { body: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), contentType: 'application/json', label: 'UTF-16 bytes' },
    { body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), contentType: 'application/json', label: 'invalid UTF-8 (an encoded surrogate)' },
  ),
  value.map((v) => ({ body: Buffer.from(JSON.stringify(v) ?? 'null'), contentType: 'application/json', label: `JSON ${(JSON.stringify(v) ?? 'undefined').slice(0, 80)}` })),
  fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 1, maxKeys: 6 }).map((v) => ({ body: Buffer.from(JSON.stringify(v)), contentType: 'application/json', label: `object ${JSON.stringify(v).slice(0, 80)}` })),
);

export const ALL_METHODS = [...HANDLER_METHODS, ...UNSUPPORTED_METHODS];
