import 'server-only';
import { AppError, unauthenticated } from '../errors';
import { authenticateEnvironmentToken } from '../environment-tokens/authenticate-environment-token';
import { requireUser } from './current-user';
import type { SessionUser } from './sessions';

// For endpoints that people and workloads both use (trust-policy evaluate/lint): a bearer
// environment token, or else the browser session.
export async function requireUserOrEnvironment(request: Request): Promise<{ kind: 'user'; userId: string; user: SessionUser } | { kind: 'environment'; orgId: string; environmentId: string }> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated('The Authorization header must be "Bearer <environment token>".');
    const result = await authenticateEnvironmentToken(token);
    if (!result.ok) throw new AppError(401, 'unauthenticated', 'The environment token is not valid, revoked or expired.');
    return { kind: 'environment', orgId: result.principal.orgId, environmentId: result.principal.environmentId };
  }
  const user = await requireUser(request);
  return { kind: 'user', userId: user.user.id, user };
}
