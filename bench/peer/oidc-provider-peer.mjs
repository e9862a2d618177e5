// The benchmark's peer: panva's oidc-provider (the reference Node.js OpenID Connect server) issuing
// ES256-signed JWTs on its token endpoint (client_credentials grant, JWT access tokens), plus its
// JWKS. Started by scripts/bench.ts on its own port, pinned to the same single core as ours.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 4100);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'peer-es256', alg: 'ES256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [{ client_id: 'bench', client_secret: 'bench-secret-bench-secret-bench-secret', grant_types: ['client_credentials'], redirect_uris: [], response_types: [], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'ES256' }],
  jwks: { keys: [jwk] },
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:trustbridge:bench',
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'api', audience: 'sts.amazonaws.com', accessTokenTTL: 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }),
    },
  },
  enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
});
provider.proxy = false;
// Silence the development-adapter notice on every request path; the memory adapter is what a
// single-process peer needs.
const server = provider.listen(port, '127.0.0.1', () => process.stdout.write(`peer listening on ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
