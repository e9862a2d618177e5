import { ZInspectInvitation } from '@/lib/schemas/members';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { previewInvitation } from '@/lib/server/members/accept-invitation';

// POST, not GET: the invitation token travels in the body, never in a URL.
export const POST = apiRoute(async (request) => {
  const { token } = await readJson(request, ZInspectInvitation, 4 * 1024);
  return json(await previewInvitation(token));
});
