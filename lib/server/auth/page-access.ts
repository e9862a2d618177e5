import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Permission } from '@/lib/domain/access/permissions';
import { AppError } from '../errors';
import { requestIdFrom } from '../http/request-id';
import { isId } from '../security/ids';
import { getSignedInUser } from './current-user';
import { requireOrgAccess, type OrgAccess } from './org-access';
import { CLIENT_IP_HEADER, REQUEST_PATH_HEADER } from './request-meta';
import type { SessionUser } from './sessions';

/**
 * Where to come back to after signing in: the path the browser asked for (set by our front door,
 * so a layout's guard names the page below it, not itself), else the guard's own path. Next's
 * internal `_rsc` parameter is dropped; anything that is not a same-site path is ignored.
 */
export function returnPath(requested: string | null, fallback: string): string {
  if (!requested || !requested.startsWith('/') || requested.startsWith('//') || requested.startsWith('/\\')) return fallback;
  const url = new URL(requested, 'http://x');
  url.searchParams.delete('_rsc');
  return `${url.pathname}${url.search}`;
}

/** Guard for pages: signed in (else to sign-in), member of the org (else the 404 page). */
export async function requirePageUser(next: string): Promise<SessionUser> {
  const user = await getSignedInUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnPath((await headers()).get(REQUEST_PATH_HEADER), next))}`);
  return user;
}

export async function requirePageOrgAccess(orgId: string, permission: Permission, next: string): Promise<{ user: SessionUser; access: OrgAccess }> {
  const user = await requirePageUser(next);
  if (!isId(orgId)) notFound();
  const h = await headers();
  try {
    const access = await requireOrgAccess(user, orgId, permission, { requestId: requestIdFrom(h), ipAddress: h.get(CLIENT_IP_HEADER), userAgent: h.get('user-agent') });
    return { user, access };
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
}
