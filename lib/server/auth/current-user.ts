import 'server-only';
import { cookies } from 'next/headers';
import { unauthenticated } from '../errors';
import { readSessionCookie, sessionCookieName } from './session-cookie';
import { resolveSession, type SessionUser } from './sessions';

/** Guard for route handlers: the signed-in user or 401. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const token = readSessionCookie(request.headers.get('cookie'));
  if (!token) throw unauthenticated();
  const session = await resolveSession(token);
  if (!session) throw unauthenticated('Your session has ended. Sign in again.');
  return session;
}

/** For server components and layouts: the signed-in user or null (callers redirect). */
export async function getSignedInUser(): Promise<SessionUser | null> {
  const store = await cookies();
  const raw = store.get(sessionCookieName())?.value ?? null;
  const token = raw === null ? null : readSessionCookie(`${sessionCookieName()}=${raw}`);
  return token ? resolveSession(token) : null;
}
