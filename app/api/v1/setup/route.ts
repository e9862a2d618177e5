import { ZSetupInput } from '@/lib/schemas/auth';
import { requestMeta } from '@/lib/server/auth/request-meta';
import { sessionCookie } from '@/lib/server/auth/session-cookie';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { completeSetup, needsSetup } from '@/lib/server/setup/complete-setup';

export const GET = apiRoute(async () => json({ needsSetup: await needsSetup() }));

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, ZSetupInput);
  const session = await completeSetup(input, requestMeta(request));
  return json({ status: 'ok' }, 201, { 'Set-Cookie': sessionCookie(session.token, session.maxAgeSeconds) });
});
