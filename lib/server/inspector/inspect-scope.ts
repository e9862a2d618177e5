import 'server-only';
import { can, type Role } from '@/lib/domain/access/permissions';
import { decodeJwt } from '@/lib/domain/jwt';
import { requireOrgAccess } from '../auth/org-access';
import { requestMeta } from '../auth/request-meta';
import { requireUserOrEnvironment } from '../auth/user-or-environment';
import { getDb } from '../db/client';
import { badRequest, notFound } from '../errors';
import { issuerFor } from '../oidc/issuer';

/** Authenticates the caller of POST /api/v1/tokens/inspect (before the body is read: 401 first). */
export const authenticateInspector = requireUserOrEnvironment;
type Caller = Awaited<ReturnType<typeof requireUserOrEnvironment>>;

/** The organization whose issuer `iss` is exactly, if it names one by id (it may not exist). */
function orgNamedBy(token: string): string | null {
  const decoded = decodeJwt(token);
  const iss = decoded.ok ? decoded.claims.iss : undefined;
  if (typeof iss !== 'string') return null;
  const id = /\/oidc\/([0-9a-z]{26})$/.exec(iss)?.[1];
  return id !== undefined && issuerFor(id) === iss ? id : null;
}

/**
 * Whose issuer a token is inspected against:
 * - an environment token: its own organization (an `orgId` naming another one is 404);
 * - a person naming `orgId`: that organization, where they need `token.inspect` (any member;
 *   outsiders get 404 like a missing organization);
 * - a person without `orgId`: the organization whose issuer the token names, if they are a member
 *   of it, else their only organization; with several and no match, 400 asking for `orgId`. A token
 *   naming an organization the caller is not in is never looked up beyond the caller's own rows.
 */
export async function inspectOrgId(caller: Caller, request: Request, orgId: string | undefined, token: string): Promise<string> {
  if (caller.kind === 'environment') {
    if (orgId !== undefined && orgId !== caller.orgId) throw notFound('organization');
    return caller.orgId;
  }
  if (orgId !== undefined) return (await requireOrgAccess(caller.user, orgId, 'token.inspect', requestMeta(request))).orgId;
  const memberships = await getDb().membership.findMany({ where: { userId: caller.userId }, select: { orgId: true, role: true }, orderBy: { createdAt: 'asc' }, take: 1000 });
  const allowed = memberships.filter((m) => can(m.role as Role, 'token.inspect')).map((m) => m.orgId);
  const named = orgNamedBy(token);
  if (named !== null && allowed.includes(named)) return named;
  if (allowed.length === 1 && allowed[0] !== undefined) return allowed[0];
  throw badRequest('Say which organization’s issuer to check the token against.', [{ path: 'orgId', message: 'Required: the token does not name one of your organizations, and you belong to several (or none).' }]);
}
