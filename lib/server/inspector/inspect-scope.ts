import 'server-only';
import { badRequest, notFound } from '../errors';
import { requireOrgAccess } from '../auth/org-access';
import { requestMeta } from '../auth/request-meta';
import { requireUserOrEnvironment } from '../auth/user-or-environment';

/** Authenticates the caller of POST /api/v1/tokens/inspect (before the body is read: 401 first). */
export const authenticateInspector = requireUserOrEnvironment;
type Caller = Awaited<ReturnType<typeof requireUserOrEnvironment>>;

/**
 * Whose issuer a token is inspected against: an environment token's own organization (an `orgId`
 * naming another one is 404, like a missing organization), or — for a person — the `orgId` in the
 * body, in which they need the `token.inspect` permission (any member; outsiders get 404).
 */
export async function inspectOrgId(caller: Caller, request: Request, orgId: string | undefined): Promise<string> {
  if (caller.kind === 'environment') {
    if (orgId !== undefined && orgId !== caller.orgId) throw notFound('organization');
    return caller.orgId;
  }
  if (orgId === undefined) throw badRequest('Say which organization’s issuer to check the token against.', [{ path: 'orgId', message: 'Required when signed in as a person.' }]);
  return (await requireOrgAccess(caller.user, orgId, 'token.inspect', requestMeta(request))).orgId;
}
