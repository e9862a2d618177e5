import { sign, type KeyObject } from 'node:crypto';
import type { SigningAlgorithm } from './signing-key-material';

// Compact JWS signing for our own ID tokens with node:crypto (about twice jose's rate; the
// endpoint's throughput goal depends on it). The header is fixed per key: {alg, kid, typ: "JWT"}.
// ES256 signatures are the raw 64-byte r‖s (JWS, RFC 7518 §3.4), not DER.

export interface PreparedSigner {
  kid: string;
  algorithm: SigningAlgorithm;
  sign(payload: object): string;
}

export function prepareSigner(privateKey: KeyObject, kid: string, algorithm: SigningAlgorithm): PreparedSigner {
  const encodedHeader = Buffer.from(JSON.stringify({ alg: algorithm, kid, typ: 'JWT' })).toString('base64url');
  const options = algorithm === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' as const } : privateKey;
  return {
    kid,
    algorithm,
    sign(payload: object): string {
      const signingInput = `${encodedHeader}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      const signature = sign('sha256', Buffer.from(signingInput), options);
      return `${signingInput}.${signature.toString('base64url')}`;
    },
  };
}
