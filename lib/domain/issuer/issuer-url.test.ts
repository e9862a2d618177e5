import { describe, expect, it } from 'vitest';
import { issuerUrlProblems } from './issuer-url';

describe('issuerUrlProblems', () => {
  it.each([
    ['https://trustbridge.example.com/oidc/01jd0000000000000000000000', []],
    ['https://auth.internal.example.org/oidc/x', []],
    ['http://127.0.0.1:3000/oidc/x', ['not_https', 'has_port', 'not_public']],
    ['http://localhost:3000/oidc/x', ['not_https', 'has_port', 'not_public']],
    ['http://trustbridge.example.com/oidc/x', ['not_https']],
    ['https://trustbridge.example.com:8443/oidc/x', ['has_port']],
    // The default port is no port: new URL() drops it.
    ['https://trustbridge.example.com:443/oidc/x', []],
    ['https://localhost/oidc/x', ['not_public']],
    ['https://app.localhost/oidc/x', ['not_public']],
    ['https://[::1]/oidc/x', ['not_public']],
    ['https://10.1.2.3/oidc/x', ['not_public']],
    ['https://172.20.0.4/oidc/x', ['not_public']],
    ['https://172.32.0.4/oidc/x', []],
    ['https://192.168.1.10/oidc/x', ['not_public']],
    ['https://trustbridge/oidc/x', ['not_public']],
    ['not a url', ['not_https']],
  ])('%s → %j', (issuer, codes) => {
    expect(issuerUrlProblems(issuer).map((p) => p.code)).toEqual(codes);
  });

  it('says the exact reason', () => {
    expect(issuerUrlProblems('http://127.0.0.1:41234/oidc/x').map((p) => p.message)).toEqual([
      'It is not https (http://): AWS IAM accepts only https:// provider URLs.',
      'It has a port (:41234): AWS IAM refuses provider URLs with a port.',
      '127.0.0.1 is this machine: AWS fetches the discovery document and signing keys over the internet and cannot reach it.',
    ]);
    expect(issuerUrlProblems('https://10.0.0.7/oidc/x')[0]?.message).toContain('10.0.0.7 is a private network address');
  });
});
