// Whether AWS can use an issuer URL for an IAM OIDC provider (IAM User Guide, "Create an OpenID
// Connect (OIDC) identity provider in IAM"; PRODUCT.md "AWS facts"): https, no port, no query or
// fragment. AWS fetches `<issuer>/.well-known/openid-configuration` and the JWKS from it.

export type IssuerUsability = { ok: true } | { ok: false; reason: string };

export function issuerUsableByAws(issuerUrl: string): IssuerUsability {
  let url: URL;
  try {
    url = new URL(issuerUrl);
  } catch {
    return { ok: false, reason: `The issuer URL ${issuerUrl} is not a URL.` };
  }
  const fix = 'Set PUBLIC_URL to the https origin of the TLS proxy in front of Trustbridge (e.g. https://trustbridge.example.com, no port) and restart.';
  if (url.protocol !== 'https:') return { ok: false, reason: `AWS only trusts https issuers, and this organization's issuer is ${issuerUrl}. ${fix}` };
  if (url.port !== '') return { ok: false, reason: `AWS does not accept an issuer URL with a port (${issuerUrl}). ${fix}` };
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: `AWS does not accept an issuer URL with a query or fragment (${issuerUrl}).` };
  return { ok: true };
}
