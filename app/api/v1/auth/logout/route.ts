import { clearedSessionCookie, readSessionCookie } from '@/lib/server/auth/session-cookie';
import { revokeSessionByToken } from '@/lib/server/auth/sessions';
import { apiRoute } from '@/lib/server/http/api-route';
import { noContent } from '@/lib/server/http/respond';

export const POST = apiRoute(async (request) => {
  const token = readSessionCookie(request.headers.get('cookie'));
  if (token) await revokeSessionByToken(token);
  return noContent({ 'Set-Cookie': clearedSessionCookie() });
});
