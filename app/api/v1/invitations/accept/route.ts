import { ZAcceptInvitation } from '@/lib/schemas/members';
import { requestMeta } from '@/lib/server/auth/request-meta';
import { sessionCookie } from '@/lib/server/auth/session-cookie';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { acceptInvitation } from '@/lib/server/members/accept-invitation';

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, ZAcceptInvitation, 8 * 1024);
  const { session, orgId } = await acceptInvitation(input, requestMeta(request));
  return json({ status: 'ok', orgId }, 201, { 'Set-Cookie': sessionCookie(session.token, session.maxAgeSeconds) });
});
