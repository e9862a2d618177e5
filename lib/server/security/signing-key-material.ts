import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

// Key generation and the public JWK. Algorithms are the ones AWS STS accepts that we offer:
// ES256 (P-256, default) and RS256 (RSA 2048). The JWK carries kid, alg and use: "sig" and only
// public members (kty, crv, x, y / n, e).

export const SIGNING_ALGORITHMS = ['ES256', 'RS256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export interface PublicJwk {
  kty: string;
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
}

export interface GeneratedKey {
  kid: string;
  algorithm: SigningAlgorithm;
  privateKeyDer: Buffer;
  publicJwk: PublicJwk;
}

export function newKid(): string {
  return randomBytes(16).toString('base64url');
}

export function publicJwkOf(publicKey: KeyObject, kid: string, algorithm: SigningAlgorithm): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  if (algorithm === 'ES256') {
    const { kty, crv, x, y } = jwk;
    if (kty !== 'EC' || crv !== 'P-256' || !x || !y) throw new Error('unexpected EC public key');
    return { kty, crv, x, y, kid, alg: algorithm, use: 'sig' };
  }
  const { kty, n, e } = jwk;
  if (kty !== 'RSA' || !n || !e) throw new Error('unexpected RSA public key');
  return { kty, n, e, kid, alg: algorithm, use: 'sig' };
}

export function generateSigningKey(algorithm: SigningAlgorithm): GeneratedKey {
  const kid = newKid();
  const pair =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return {
    kid,
    algorithm,
    privateKeyDer: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
    publicJwk: publicJwkOf(pair.publicKey, kid, algorithm),
  };
}

export function privateKeyFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function publicKeyFromJwk(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { ...jwk } as unknown as import('node:crypto').JsonWebKey, format: 'jwk' });
}
