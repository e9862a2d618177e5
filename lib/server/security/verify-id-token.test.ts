import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareSigner } from './jwt-sign';
import { publicJwkOf } from './signing-key-material';
import { AWS_ACCEPTED_ALGORITHMS, decodeUnverified, verifyIdToken, verifySignature, type VerifyOptions } from './verify-id-token';

// Negative suite (issue 3.7): every way a token must be refused, each with its exact code.

const NOW = new Date('2026-11-23T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const ISSUER = 'https://trustbridge.test/oidc/01m8474fmb8q3dvcafhgt5c8g9';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecJwk = publicJwkOf(ec.publicKey, 'ec-key', 'ES256');
const rsaJwk = publicJwkOf(rsa.publicKey, 'rsa-key', 'RS256');
const jwks = { keys: [ecJwk, rsaJwk] };
const esSigner = prepareSigner(ec.privateKey, 'ec-key', 'ES256');
const rsSigner = prepareSigner(rsa.privateKey, 'rsa-key', 'RS256');

const options: VerifyOptions = {
  jwks,
  issuer: ISSUER,
  audience: 'sts.amazonaws.com',
  algorithms: AWS_ACCEPTED_ALGORITHMS,
  requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat'],
  maxTokenAgeSeconds: 3600,
  maxLength: 20_000,
  clockToleranceSeconds: 5,
  now: NOW,
};

const claims = (over: Record<string, unknown> = {}) => ({ iss: ISSUER, sub: 'org:x:project:p:environment:e', aud: 'sts.amazonaws.com', iat: T - 10, nbf: T - 10, exp: T + 600, jti: 'j', ...over });
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function forge(header: Record<string, unknown>, payload: unknown, sign: (input: string) => string = () => 'AAAA'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(input)}`;
}

function resign(token: string, header: Record<string, unknown>): string {
  // Same payload, different header, signed for real with the EC key (only the header is at fault).
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  const signer = prepareSigner(ec.privateKey, String(header.kid ?? 'ec-key'), 'ES256');
  const real = signer.sign(payload).split('.');
  const input = `${b64(header)}.${real[1]}`;
  return `${input}.${real[2]}`;
}

describe('verifyIdToken accepts what it should', () => {
  it.each([
    ['ES256', esSigner],
    ['RS256', rsSigner],
  ])('a well-formed %s token from the JWKS', async (_alg, signer) => {
    const result = await verifyIdToken(signer.sign(claims()), options);
    expect(result).toMatchObject({ ok: true, claims: { sub: 'org:x:project:p:environment:e' } });
  });
});

describe('verifyIdToken refuses, with the exact code', () => {
  const good = esSigner.sign(claims());
  const cases: [string, () => string, string][] = [
    ['alg none', () => forge({ alg: 'none', kid: 'ec-key', typ: 'JWT' }, claims(), () => ''), 'bad_encoding'],
    ['alg none with a dummy signature', () => forge({ alg: 'none', kid: 'ec-key' }, claims()), 'alg_not_allowed'],
    [
      'HS256 signed with the public key as HMAC secret',
      () => forge({ alg: 'HS256', kid: 'ec-key' }, claims(), (input) => createHmac('sha256', JSON.stringify(ecJwk)).update(input).digest('base64url')),
      'alg_not_allowed',
    ],
    ['PS256 (AWS does not accept it)', () => forge({ alg: 'PS256', kid: 'rsa-key' }, claims()), 'alg_not_allowed'],
    ['RS256 header naming the EC key', () => forge({ alg: 'RS256', kid: 'ec-key' }, claims()), 'alg_not_allowed'],
    ['unknown kid', () => resign(good, { alg: 'ES256', kid: 'nope', typ: 'JWT' }), 'unknown_kid'],
    ['injected kid', () => resign(good, { alg: 'ES256', kid: "../../../etc/passwd' OR 1=1", typ: 'JWT' }), 'unknown_kid'],
    ['missing kid', () => resign(good, { alg: 'ES256', typ: 'JWT' }), 'missing_kid'],
    ['jku header', () => resign(good, { alg: 'ES256', kid: 'ec-key', jku: 'https://evil.example/jwks.json' }), 'forbidden_header'],
    ['x5u header', () => resign(good, { alg: 'ES256', kid: 'ec-key', x5u: 'https://evil.example/cert.pem' }), 'forbidden_header'],
    ['embedded jwk header', () => resign(good, { alg: 'ES256', kid: 'ec-key', jwk: ecJwk }), 'forbidden_header'],
    ['x5c header', () => resign(good, { alg: 'ES256', kid: 'ec-key', x5c: ['MIIB'] }), 'forbidden_header'],
    ['crit header', () => resign(good, { alg: 'ES256', kid: 'ec-key', crit: ['exp'] }), 'forbidden_header'],
    ['signature of another key with the same kid', () => prepareSigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'ec-key', 'ES256').sign(claims()), 'signature_invalid'],
    ['tampered payload', () => [good.split('.')[0], b64(claims({ sub: 'org:x:project:p:environment:prod' })), good.split('.')[2]].join('.'), 'signature_invalid'],
    ['expired', () => esSigner.sign(claims({ iat: T - 1200, nbf: T - 1200, exp: T - 600 })), 'expired'],
    ['nbf in the future', () => esSigner.sign(claims({ nbf: T + 600 })), 'not_yet_valid'],
    ['iat in the future', () => esSigner.sign(claims({ iat: T + 600 })), 'issued_in_future'],
    ['exp in milliseconds', () => esSigner.sign(claims({ exp: (T + 600) * 1000 })), 'exp_in_milliseconds'],
    ['missing exp', () => esSigner.sign(claims({ exp: undefined })), 'missing_claim'],
    ['too old (iat beyond maximum age)', () => esSigner.sign(claims({ iat: T - 7200, nbf: T - 7200, exp: T + 600 })), 'too_old'],
    ['wrong iss', () => esSigner.sign(claims({ iss: 'https://other.example/oidc/x' })), 'issuer_mismatch'],
    ['iss with a trailing slash', () => esSigner.sign(claims({ iss: `${ISSUER}/` })), 'issuer_mismatch'],
    ['wrong aud', () => esSigner.sign(claims({ aud: 'api://something-else' })), 'audience_mismatch'],
    ['four segments', () => `${good}.extra`, 'malformed'],
    ['two segments', () => good.split('.').slice(0, 2).join('.'), 'malformed'],
    ['bad base64url (padding and +/)', () => good.replace(/\.[^.]+$/, '.ab+/cd=='), 'bad_encoding'],
    ['header is not JSON', () => `${b64('not json')}.${good.split('.')[1]}.${good.split('.')[2]}`, 'bad_header'],
    ['oversized', () => esSigner.sign(claims({ padding: 'x'.repeat(20_001) })), 'too_large'],
  ];
  it.each(cases)('%s → %s', async (_name, make, code) => {
    const result = await verifyIdToken(make(), options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('a key set without the kid of another issuer never verifies it (isolation)', async () => {
    const other = { keys: [publicJwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'ec-key', 'ES256')] };
    const result = await verifyIdToken(good, { ...options, jwks: other });
    expect(result).toMatchObject({ ok: false, code: 'signature_invalid' });
  });
});

describe('decodeUnverified', () => {
  it('splits a compact JWS for display and refuses anything else', () => {
    expect(decodeUnverified(esSigner.sign(claims()))?.header).toEqual({ alg: 'ES256', kid: 'ec-key', typ: 'JWT' });
    expect(decodeUnverified('a.b')).toBeNull();
    expect(decodeUnverified('not a token at all')).toBeNull();
  });
});

describe('verifySignature (the inspector’s signature check, apart from the claims)', () => {
  const keyOptions = { jwks, algorithms: AWS_ACCEPTED_ALGORITHMS, maxLength: 20_000 };
  it('verifies an expired token whose signature is intact (times are other checks)', async () => {
    expect(await verifySignature(esSigner.sign(claims({ iat: T - 7200, nbf: T - 7200, exp: T - 3600 })), keyOptions)).toEqual({ ok: true });
  });
  it.each([
    ['tampered payload', () => { const t = esSigner.sign(claims()).split('.'); return [t[0], b64(claims({ sub: 'other' })), t[2]].join('.'); }, 'signature_invalid'],
    ['HS256 with the public key', () => forge({ alg: 'HS256', kid: 'ec-key' }, claims(), (input) => createHmac('sha256', JSON.stringify(ecJwk)).update(input).digest('base64url')), 'alg_not_allowed'],
    ['jku header', () => resign(esSigner.sign(claims()), { alg: 'ES256', kid: 'ec-key', jku: 'https://evil.example/jwks.json' }), 'forbidden_header'],
    ['unknown kid', () => resign(esSigner.sign(claims()), { alg: 'ES256', kid: 'nope' }), 'unknown_kid'],
  ])('%s → %s', async (_n, make, code) => {
    expect(await verifySignature(make(), keyOptions)).toMatchObject({ ok: false, code });
  });
});
