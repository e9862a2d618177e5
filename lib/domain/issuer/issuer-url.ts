// Whether AWS can trust an issuer URL, and if not, why. AWS IAM API Reference,
// CreateOpenIDConnectProvider, Url: "The URL must begin with https:// and should correspond to the
// iss claim in the provider's OpenID Connect ID tokens. […] The URL should not contain a port
// number." AWS STS then fetches the discovery document and the JWKS from that URL over the
// internet, so a host only this machine or a private network can reach does not work either.

export type IssuerUrlProblemCode = 'not_https' | 'has_port' | 'not_public';

export interface IssuerUrlProblem {
  code: IssuerUrlProblemCode;
  message: string;
}

export const ISSUER_URL_FIX = 'Set PUBLIC_URL to the https origin of your TLS proxy (for example https://trustbridge.example.com, without a port) and restart Trustbridge.';

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const PRIVATE_V4 = /^(10\.\d{1,3}|172\.(1[6-9]|2\d|3[01])|192\.168|169\.254)\.\d{1,3}\.\d{1,3}$/;

function hostProblem(host: string): string | null {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const unreachable = 'AWS fetches the discovery document and signing keys over the internet and cannot reach it';
  if (bare === 'localhost' || bare.endsWith('.localhost') || LOOPBACK_V4.test(bare) || bare === '::1' || bare === '0.0.0.0') return `${host} is this machine: ${unreachable}.`;
  if (PRIVATE_V4.test(bare) || /^f[cd][0-9a-f]{2}:/.test(bare) || bare.startsWith('fe80:')) return `${host} is a private network address: ${unreachable}.`;
  if (!bare.includes('.') && !bare.includes(':')) return `${host} is not a public host name: ${unreachable}.`;
  return null;
}

/** Every reason AWS would refuse or could not use this issuer URL; empty when it can trust it. */
export function issuerUrlProblems(issuer: string): IssuerUrlProblem[] {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return [{ code: 'not_https', message: `${issuer} is not a URL.` }];
  }
  const problems: IssuerUrlProblem[] = [];
  if (url.protocol !== 'https:') problems.push({ code: 'not_https', message: `It is not https (${url.protocol}//): AWS IAM accepts only https:// provider URLs.` });
  if (url.port !== '') problems.push({ code: 'has_port', message: `It has a port (:${url.port}): AWS IAM refuses provider URLs with a port.` });
  const host = hostProblem(url.hostname);
  if (host) problems.push({ code: 'not_public', message: host });
  return problems;
}
