import { decodeJwt as decode } from '@/lib/domain/jwt/decode-jwt';
import { CliError, EXIT } from './exit-codes';

/** Header and claims of a compact JWT, decoded without verification (for display). */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const decoded = decode(token);
  if (!decoded.ok) throw new CliError(`The server answered with a token that cannot be decoded: ${decoded.error.message}`, EXIT.unavailable, 'bad_response');
  return { header: decoded.header, claims: decoded.claims };
}
