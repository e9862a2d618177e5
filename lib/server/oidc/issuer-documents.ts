import { CLAIMS_SUPPORTED } from '@/lib/domain/claims/id-token-claims';
import type { PublicJwk, SigningAlgorithm } from '../security/signing-key-material';

// The two documents AWS fetches (OpenID Connect Discovery 1.0 §3/§4, RFC 7517). Only what a
// relying party of an ID-token-only issuer needs; `id_token_signing_alg_values_supported` lists
// exactly the algorithms of the published keys.

export function discoveryDocument(issuer: string, publishedKeys: readonly PublicJwk[]) {
  const algorithms = [...new Set(publishedKeys.map((k) => k.alg))].sort() as SigningAlgorithm[];
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: algorithms,
    scopes_supported: ['openid'],
    claims_supported: [...CLAIMS_SUPPORTED],
  };
}

export function jwksDocument(publishedKeys: readonly PublicJwk[]) {
  return { keys: publishedKeys.map((k) => ({ ...k })) };
}
