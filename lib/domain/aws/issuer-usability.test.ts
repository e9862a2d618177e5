import { describe, expect, it } from 'vitest';
import { issuerUsableByAws } from './issuer-usability';

describe('issuerUsableByAws', () => {
  it.each(['https://tb.example.com/oidc/abc', 'https://tb.example.com:443/oidc/abc'])('accepts %s', (url) => expect(issuerUsableByAws(url)).toEqual({ ok: true }));
  it.each([
    ['http://tb.example.com/oidc/abc', /only trusts https/],
    ['http://localhost:3000/oidc/abc', /only trusts https.*PUBLIC_URL/],
    ['https://tb.example.com:8443/oidc/abc', /with a port/],
    ['https://tb.example.com/oidc/abc?x=1', /query/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, reason) => {
    const verdict = issuerUsableByAws(url);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });
});
