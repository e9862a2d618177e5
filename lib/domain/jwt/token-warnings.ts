// Warnings the inspector shows while decoding, before any server check: the token's times against
// the reader's clock, its lifetime, and its size against the STS limit. Pure; `now` in seconds.
import { AWS_MAX_TOKEN_LENGTH, CLOCK_SKEW_SECONDS, MILLISECONDS_THRESHOLD } from './token-checks';

export type WarningId = 'expired' | 'not_yet_valid' | 'issued_in_future' | 'long_lifetime' | 'no_expiry' | 'milliseconds' | 'near_size_limit' | 'over_size_limit';

export interface TokenWarning {
  id: WarningId;
  severity: 'error' | 'warning';
  message: string;
}

/** Trustbridge issues tokens for at most 60 minutes; anything longer is unusual. */
export const LONG_LIFETIME_SECONDS = 3600;
/** From 90 % of the STS limit on, a few more claims would break it. */
export const NEAR_SIZE_LIMIT = Math.floor(AWS_MAX_TOKEN_LENGTH * 0.9);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function tokenWarnings(claims: Record<string, unknown>, length: number, now: number): TokenWarning[] {
  const out: TokenWarning[] = [];
  const exp = num(claims.exp);
  const nbf = num(claims.nbf);
  const iat = num(claims.iat);
  const times = [exp, nbf, iat].filter((t): t is number => t !== null);
  if (times.some((t) => Math.abs(t) > MILLISECONDS_THRESHOLD)) {
    out.push({ id: 'milliseconds', severity: 'error', message: 'A time claim looks like milliseconds; JWT times are seconds since 1970, so STS reads it as thousands of years away.' });
  } else {
    if (exp === null) out.push({ id: 'no_expiry', severity: 'error', message: 'The token has no usable exp claim; STS refuses tokens without an expiry.' });
    else if (exp <= now - CLOCK_SKEW_SECONDS) out.push({ id: 'expired', severity: 'error', message: 'The token has expired; STS answers ExpiredTokenException.' });
    if (nbf !== null && nbf > now + CLOCK_SKEW_SECONDS) out.push({ id: 'not_yet_valid', severity: 'error', message: 'The token is not valid yet (nbf is in the future).' });
    if (iat !== null && iat > now + CLOCK_SKEW_SECONDS) out.push({ id: 'issued_in_future', severity: 'warning', message: 'iat is in the future: the issuing clock and yours disagree.' });
    const start = iat ?? nbf;
    if (exp !== null && start !== null && exp - start > LONG_LIFETIME_SECONDS) {
      out.push({ id: 'long_lifetime', severity: 'warning', message: `The token lives ${Math.round((exp - start) / 60)} minutes; Trustbridge issues tokens for at most ${LONG_LIFETIME_SECONDS / 60}. A leaked long-lived token stays usable longer.` });
    }
  }
  if (length > AWS_MAX_TOKEN_LENGTH) out.push({ id: 'over_size_limit', severity: 'error', message: `${length} characters: over the ${AWS_MAX_TOKEN_LENGTH}-character STS limit.` });
  else if (length >= NEAR_SIZE_LIMIT) out.push({ id: 'near_size_limit', severity: 'warning', message: `${length} characters: close to the ${AWS_MAX_TOKEN_LENGTH}-character STS limit.` });
  return out;
}
