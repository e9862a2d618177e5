// CSRF rule (issue 2): every state-changing request made with a browser session must carry an
// Origin equal to PUBLIC_URL's origin. Requests authenticated by a bearer credential (environment
// tokens used by workloads and the CLI) cannot be forged cross-site — a browser never attaches
// them on its own — so they are exempt unless they also carry a cookie.

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginVerdict = 'ok' | 'missing' | 'mismatch';

export interface OriginInput {
  method: string;
  origin: string | null;
  authorization: string | null;
  cookie: string | null;
}

export function checkOrigin(input: OriginInput, publicOrigin: string): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return 'ok';
  const bearer = input.authorization !== null && /^Bearer\s+\S+/i.test(input.authorization);
  if (bearer && !input.cookie) return 'ok';
  if (input.origin === null || input.origin === '') return 'missing';
  return input.origin === publicOrigin ? 'ok' : 'mismatch';
}
