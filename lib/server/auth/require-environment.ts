import 'server-only';
import { authenticateEnvironmentToken, type Authentication, type EnvironmentPrincipal } from '../environment-tokens/authenticate-environment-token';
import { AppError } from '../errors';

// The guard of the workload endpoints (POST /api/v1/idp/token, GET /api/v1/idp/aws): a bearer
// environment token, each failure a 401 with its own code and a WWW-Authenticate challenge. A
// browser session is not a credential here. The principal is the token's environment — a
// workload can only ever ask about itself.

const CHALLENGE = 'Bearer realm="trustbridge"';

const MESSAGES = {
  invalid_token: 'The environment token is not valid.',
  token_revoked: 'The environment token has been revoked. Ask an admin for a new one.',
  token_expired: 'The environment token has expired. Ask an admin for a new one.',
} as const;

/** The token of `Authorization: Bearer <token>`; 401 unauthenticated when the header is missing or malformed. */
export function bearerToken(authorization: string | null): string {
  if (!authorization) throw new AppError(401, 'unauthenticated', 'Send the environment token as "Authorization: Bearer tbe_…".', undefined, { 'WWW-Authenticate': CHALLENGE });
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!token) throw new AppError(401, 'unauthenticated', 'The Authorization header must be "Bearer <environment token>".', undefined, { 'WWW-Authenticate': CHALLENGE });
  return token;
}

/** The principal of a successful authentication; else 401 invalid_token / token_revoked / token_expired. */
export function authenticated(result: Authentication): EnvironmentPrincipal {
  if (!result.ok) throw new AppError(401, result.code, MESSAGES[result.code], undefined, { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` });
  return result.principal;
}

export async function environmentFromAuthorization(authorization: string | null): Promise<EnvironmentPrincipal> {
  const result = authenticateEnvironmentToken(bearerToken(authorization));
  return authenticated(result instanceof Promise ? await result : result);
}
