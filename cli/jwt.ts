/** Header and claims of a compact JWT, decoded without verification (for display). */
export function decodeJwt(token: string): { header: unknown; claims: unknown } {
  const [header, payload] = token.split('.');
  const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
  return { header: decode(header), claims: decode(payload) };
}
