import 'server-only';
import { authenticateEnvironmentToken, type EnvironmentPrincipal } from '../environment-tokens/authenticate-environment-token';
import { AppError } from '../errors';

// The guard of workload endpoints other than the token endpoint (GET /api/v1/idp/aws): a bearer
// environment token, with the token endpoint's 401 codes. A browser session is not a credential
// here. The principal is the token's environment — a workload can only ever ask about itself.

const CHALLENGE = 'Bearer realm="trustbridge"';

const MESSAGES = {
  invalid_token: 'The environment token is not valid.',
  token_revoked: 'The environment token has been revoked. Ask an admin for a new one.',
  token_expired: 'The environment token has expired. Ask an admin for a new one.',
} as const;

export async function environmentFromAuthorization(authorization: string | null): Promise<EnvironmentPrincipal> {
  if (!authorization) throw new AppError(401, 'unauthenticated', 'Send the environment token as "Authorization: Bearer tbe_…".', undefined, { 'WWW-Authenticate': CHALLENGE });
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!token) throw new AppError(401, 'unauthenticated', 'The Authorization header must be "Bearer <environment token>".', undefined, { 'WWW-Authenticate': CHALLENGE });
  const result = await authenticateEnvironmentToken(token);
  if (!result.ok) throw new AppError(401, result.code, MESSAGES[result.code], undefined, { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` });
  return result.principal;
}
