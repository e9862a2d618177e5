import { describe, expect, it } from 'vitest';
import { decodeJwt } from './decode-jwt';
import { explainClaims, explainHeader } from './explain-claims';
import {
  audienceCheck,
  CHECK_IDS,
  issuerCheck,
  kidCheck,
  orderChecks,
  signatureCheck,
  staticChecks,
  type CheckId,
  type TokenCheck,
} from './token-checks';
import { tokenWarnings } from './token-warnings';

// The pure checks, with a frozen clock: each refusal by its check id, and a real-shaped token
// passing every one.

const NOW = 1_790_000_000;
const ISSUER = 'https://tb.example.com/oidc/org_abc';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const HEADER = { alg: 'ES256', kid: 'k1', typ: 'JWT' };
const claims = (over: Record<string, unknown> = {}) => ({ iss: ISSUER, sub: 'org:org_abc:project:web:environment:prod', aud: 'sts.amazonaws.com', iat: NOW - 10, nbf: NOW - 10, exp: NOW + 590, jti: 'j', ...over });
const token = (h: Record<string, unknown> = HEADER, p: unknown = claims(), s = 'c2lnbmF0dXJl') => `${b64(h)}.${b64(p)}.${s}`;

function all(t: string, opts: { published?: { kid: string; alg?: string }[]; audiences?: string[]; providers?: { arn: string; audiences: string[] }[] } = {}): Record<CheckId, TokenCheck> {
  const decoded = decodeJwt(t);
  return {
    ...staticChecks(t, decoded, NOW),
    issuer: issuerCheck(decoded, ISSUER),
    kid: kidCheck(decoded, opts.published ?? [{ kid: 'k1', alg: 'ES256' }]),
    signature: signatureCheck({ verified: true }),
    audience: audienceCheck(decoded, opts.audiences ?? ['sts.amazonaws.com'], opts.providers ?? []),
  };
}
const failing = (t: string, opts?: Parameters<typeof all>[1]) => orderChecks(all(t, opts)).filter((c) => !c.ok).map((c) => c.id);

describe('token checks', () => {
  it('a well-formed token passes every check, in the stable order', () => {
    const checks = orderChecks(all(token()));
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  const cases: [string, string, CheckId[], RegExp?][] = [
    ['alg none, unsigned', token({ alg: 'none', kid: 'k1' }, claims(), ''), ['structure', 'algorithm', 'kid'], /unsigned/],
    ['HS256', token({ alg: 'HS256', kid: 'k1' }), ['algorithm', 'kid'], /shared-secret MAC/],
    ['PS256', token({ alg: 'PS256', kid: 'k1' }), ['algorithm', 'kid'], /RSA-PSS/],
    ['EdDSA', token({ alg: 'EdDSA', kid: 'k1' }), ['algorithm', 'kid'], /EdDSA/],
    ['alg in odd case', token({ alg: 'es256', kid: 'k1' }), ['algorithm', 'kid'], /case-sensitive/],
    ['alg missing', token({ kid: 'k1' }), ['algorithm']],
    ['jku header', token({ ...HEADER, jku: 'https://evil.example/jwks' }), ['forbidden_headers'], /"jku"/],
    ['x5u and jwk headers', token({ ...HEADER, x5u: 'https://evil.example/c', jwk: { kty: 'EC' } }), ['forbidden_headers'], /"x5u", "jwk"/],
    ['crit header', token({ ...HEADER, crit: ['exp'] }), ['forbidden_headers']],
    ['unknown kid', token({ ...HEADER, kid: 'nope' }), ['kid'], /No key with kid "nope"/],
    ['kid missing', token({ alg: 'ES256' }), ['kid']],
    ['kid of another algorithm', token({ alg: 'RS256', kid: 'k1' }), ['kid'], /is for ES256/],
    ['expired', token(HEADER, claims({ iat: NOW - 1200, nbf: NOW - 1200, exp: NOW - 600 })), ['expiry'], /Expired 10 min ago/],
    ['exp in milliseconds', token(HEADER, claims({ exp: (NOW + 600) * 1000 })), ['expiry'], /milliseconds/],
    ['exp huge', token(HEADER, claims({ exp: 1e300 })), ['expiry'], /milliseconds/],
    ['exp a string', token(HEADER, claims({ exp: '1790000600' })), ['expiry'], /not a number/],
    ['exp missing', token(HEADER, claims({ exp: undefined })), ['expiry', 'required_claims']],
    ['nbf in the future', token(HEADER, claims({ nbf: NOW + 600 })), ['not_before'], /Not valid before/],
    ['iat in the future', token(HEADER, claims({ iat: NOW + 600 })), ['issued_at'], /future/],
    ['iat in milliseconds', token(HEADER, claims({ iat: NOW * 1000 })), ['issued_at'], /milliseconds/],
    ['iat after exp', token(HEADER, claims({ iat: NOW, exp: NOW - 60 })), ['expiry', 'issued_at']],
    ['sub missing', token(HEADER, claims({ sub: undefined })), ['required_claims'], /sub is missing/],
    ['aud a number', token(HEADER, claims({ aud: 7 })), ['audience', 'required_claims']],
    ['another organization’s issuer', token(HEADER, claims({ iss: 'https://tb.example.com/oidc/org_other' })), ['issuer'], /Not issued by this organization/],
    ['issuer with a trailing slash', token(HEADER, claims({ iss: `${ISSUER}/` })), ['issuer'], /trailing slash/],
    ['audience not allowed', token(HEADER, claims({ aud: 'api://x' })), ['audience'], /not one of this organization's allowed audiences/],
    ['duplicate claim', `${b64(HEADER)}.${b64(`{"iss":"${ISSUER}","sub":"a","sub":"b","aud":"sts.amazonaws.com","iat":${NOW},"exp":${NOW + 60}}`)}.c2ln`, ['duplicate_keys'], /"sub" in the payload/],
    ['oversize', token(HEADER, claims({ pad: 'x'.repeat(20_000) })), ['size'], /AWS STS accepts at most 20000/],
  ];
  it.each(cases)('%s', (_name, t, ids, message) => {
    const checks = all(t);
    expect(failing(t)).toEqual(ids);
    const first = ids[0];
    if (message && first) expect(checks[first].message).toMatch(message);
    for (const id of ids) expect(checks[id].fix, `${id} says what to do`).toBeTruthy();
  });

  it('an undecodable token fails structure and skips what needs the payload', () => {
    const checks = orderChecks(all(`${b64(HEADER)}.!!.sig`));
    expect(checks.find((c) => c.id === 'structure')).toMatchObject({ ok: false, message: expect.stringContaining('payload (part 2) is not base64url') });
    expect(checks.filter((c) => c.skipped).map((c) => c.id)).toEqual(['duplicate_keys', 'issuer', 'signature', 'audience', 'expiry', 'not_before', 'issued_at', 'required_claims'].filter((id) => id !== 'signature'));
    expect(checks.find((c) => c.id === 'algorithm')?.ok).toBe(true);
    expect(checks.every((c) => c.ok || c.message.length > 0)).toBe(true);
  });

  it('signature outcomes', () => {
    expect(signatureCheck({ verified: false, message: 'bad' })).toMatchObject({ id: 'signature', ok: false, message: 'bad' });
    expect(signatureCheck({ skipped: 'no key.' })).toEqual({ id: 'signature', ok: false, skipped: true, message: 'Not checked: no key.' });
  });

  it('audience against recorded providers: at least one must list it as a client ID', () => {
    const decoded = decodeJwt(token());
    const a = { arn: 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_abc', audiences: ['sts.amazonaws.com'] };
    const b = { arn: 'arn:aws:iam::444455556666:oidc-provider/tb.example.com/oidc/org_abc', audiences: ['api://other'] };
    expect(audienceCheck(decoded, ['sts.amazonaws.com'], [a, b])).toMatchObject({ ok: true, message: expect.stringContaining(`It is not a client ID of ${b.arn}`) });
    expect(audienceCheck(decoded, ['sts.amazonaws.com'], [b])).toMatchObject({ ok: false, message: expect.stringContaining('incorrect token audience') });
  });
});

describe('explanations', () => {
  it('names the condition key each claim becomes', () => {
    const rows = explainClaims({ ...claims(), 'https://aws.amazon.com/tags': { principal_tags: { stage: ['production'], project: ['web'] }, transitive_tag_keys: ['stage'] }, custom: 1 });
    const by = (n: string) => rows.find((r) => r.name === n);
    expect(by('sub')?.awsKeys).toEqual(['tb.example.com/oidc/org_abc:sub']);
    expect(by('aud')?.awsKeys).toEqual(['tb.example.com/oidc/org_abc:aud']);
    expect(by('iss')?.awsKeys).toEqual(['arn:aws:iam::<account>:oidc-provider/tb.example.com/oidc/org_abc']);
    expect(by('https://aws.amazon.com/tags')?.awsKeys).toEqual(['aws:RequestTag/stage', 'aws:RequestTag/project', 'aws:TagKeys', 'sts:TransitiveTagKeys']);
    expect(by('jti')?.awsKeys).toEqual([]);
    expect(by('jti')?.meaning).toMatch(/Token id/);
    expect(by('custom')).toMatchObject({ kind: 'other', awsKeys: [] });
    expect(rows.map((r) => r.name)).toEqual([...Object.keys(claims()), 'https://aws.amazon.com/tags', 'custom']);
  });
  it('azp takes over the :aud key', () => {
    const rows = explainClaims({ iss: ISSUER, aud: 'x', azp: 'client' });
    expect(rows.find((r) => r.name === 'aud')?.awsKeys).toEqual([]);
    expect(rows.find((r) => r.name === 'azp')?.awsKeys).toEqual(['tb.example.com/oidc/org_abc:aud', 'tb.example.com/oidc/org_abc:azp']);
  });
  it('no condition keys without an issuer URL', () => expect(explainClaims({ iss: 'not a url', sub: 'x' }).every((r) => r.awsKeys.length === 0)).toBe(true));
  it('header parameters, including the refused ones', () => {
    expect(explainHeader({ alg: 'ES256', jku: 'x', zzz: 1 }).map((r) => r.meaning)).toEqual([expect.stringContaining('RS256/384/512'), expect.stringContaining('Refused'), expect.stringContaining('Not a standard')]);
  });
});

describe('warnings while decoding', () => {
  const ids = (c: Record<string, unknown>, length = 900) => tokenWarnings(c, length, NOW).map((w) => w.id);
  it('none for a fresh token', () => expect(ids(claims())).toEqual([]));
  it.each([
    ['expired', claims({ exp: NOW - 60 }), ['expired']],
    ['not yet valid', claims({ nbf: NOW + 60 }), ['not_yet_valid']],
    ['issued in the future', claims({ iat: NOW + 60, nbf: NOW - 1 }), ['issued_in_future']],
    ['long lifetime', claims({ exp: NOW + 86_400 }), ['long_lifetime']],
    ['milliseconds', claims({ exp: NOW * 1000 }), ['milliseconds']],
    ['no expiry', claims({ exp: undefined }), ['no_expiry']],
  ] as const)('%s', (_n, c, expected) => expect(ids(c)).toEqual(expected));
  it('size near and over the STS limit', () => {
    expect(ids(claims(), 18_500)).toEqual(['near_size_limit']);
    expect(ids(claims(), 20_001)).toEqual(['over_size_limit']);
  });
});
