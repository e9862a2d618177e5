import { ZPageQuery } from '@/lib/schemas/common';
import { ZCreateOrganization } from '@/lib/schemas/organizations';
import { requireUser } from '@/lib/server/auth/current-user';
import { requestMeta } from '@/lib/server/auth/request-meta';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { createOrganization } from '@/lib/server/organizations/create-organization';
import { listOrganizations } from '@/lib/server/organizations/list-organizations';

export const GET = apiRoute(async (request) => {
  const user = await requireUser(request);
  return json(await listOrganizations(user.user.id, readQuery(request.nextUrl, ZPageQuery)));
});

export const POST = apiRoute(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, ZCreateOrganization);
  return json(await createOrganization(user, input, requestMeta(request)), 201);
});
