import { describe, expect, it } from 'vitest';
import { API_CSP, baseSecurityHeaders, contentSecurityPolicy } from './security-headers';

const NONCE = 'bm9uY2Utb2YtdGVzdA==';
const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]));

describe('contentSecurityPolicy', () => {
  it('production over http: nonce + strict-dynamic scripts, own styles, nothing framed or embedded', () => {
    expect(contentSecurityPolicy(NONCE, { dev: false, https: false })).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
        `style-src 'self' 'nonce-${NONCE}'`,
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('https adds upgrade-insecure-requests and changes nothing else', () => {
    const http = contentSecurityPolicy(NONCE, { dev: false, https: false });
    expect(contentSecurityPolicy(NONCE, { dev: false, https: true })).toBe(`${http}; upgrade-insecure-requests`);
  });

  it('development alone allows eval (React refresh) and websockets (HMR)', () => {
    const dev = directives(contentSecurityPolicy(NONCE, { dev: true, https: false }));
    expect(dev.get('script-src')).toBe(`'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval'`);
    expect(dev.get('connect-src')).toBe("'self' ws: wss:");
  });

  it.each([
    [false, false],
    [false, true],
  ])('production (dev %s, https %s) never allows inline or eval', (dev, https) => {
    const csp = contentSecurityPolicy(NONCE, { dev, https });
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('*');
  });

  it('the nonce is the one given (a fresh one per request)', () => {
    expect(contentSecurityPolicy('AAAA', { dev: false, https: false })).toContain("'nonce-AAAA'");
    expect(contentSecurityPolicy('BBBB', { dev: false, https: false })).not.toContain('AAAA');
  });
});

describe('baseSecurityHeaders', () => {
  const common = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };

  it('over http: no HSTS (it would be ignored, and it would pin localhost)', () => {
    expect(baseSecurityHeaders(false)).toEqual(common);
  });

  it('over https: HSTS for two years including subdomains', () => {
    expect(baseSecurityHeaders(true)).toEqual({ ...common, 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' });
  });
});

describe('API_CSP', () => {
  it('lets nothing load from JSON and issuer responses', () => {
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  });
});
