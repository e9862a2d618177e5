import 'server-only';
import { getConfig } from '../env';

// Session cookie: httpOnly, SameSite=Lax, Path=/, Secure (and the __Host- prefix, which forbids a
// Domain attribute) whenever PUBLIC_URL is https. The value is the only copy of the session secret;
// the database stores its SHA-256.

export function sessionCookieName(): string {
  return getConfig().https ? '__Host-tb_session' : 'tb_session';
}

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  const secure = getConfig().https ? '; Secure' : '';
  return `${sessionCookieName()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure}`;
}

export function clearedSessionCookie(): string {
  return sessionCookie('', 0);
}

export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const name = sessionCookieName();
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}
