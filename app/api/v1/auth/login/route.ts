import { ZLogin } from '@/lib/schemas/auth';
import { requestMeta } from '@/lib/server/auth/request-meta';
import { readSessionCookie, sessionCookie } from '@/lib/server/auth/session-cookie';
import { revokeSessionByToken } from '@/lib/server/auth/sessions';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { signIn } from '@/lib/server/users/sign-in';

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, ZLogin, 8 * 1024);
  const session = await signIn(input, requestMeta(request));
  // A session id presented at sign-in is never reused (fixation): end it.
  const previous = readSessionCookie(request.headers.get('cookie'));
  if (previous) await revokeSessionByToken(previous);
  return json({ status: 'ok', expiresAt: session.absoluteExpiresAt.toISOString() }, 200, { 'Set-Cookie': sessionCookie(session.token, session.maxAgeSeconds) });
});
