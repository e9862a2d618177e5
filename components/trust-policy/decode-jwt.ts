// Decodes a compact JWS in the browser to read its claims. Nothing is verified here: the point is
// to see what AWS would put into the request context. The token stays in memory (never in a URL,
// never sent anywhere by this code).

export type DecodedJwt = { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | { ok: false; message: string };

function base64UrlJson(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function decodeJwt(token: string): DecodedJwt {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, message: 'A JWT has three parts separated by dots (header.payload.signature).' };
  const header = base64UrlJson(parts[0] ?? '');
  if (!header) return { ok: false, message: 'The header (first part) is not base64url-encoded JSON.' };
  const claims = base64UrlJson(parts[1] ?? '');
  if (!claims) return { ok: false, message: 'The payload (second part) is not base64url-encoded JSON.' };
  return { ok: true, header, claims };
}
