import { requireUser } from '@/lib/server/auth/current-user';
import { apiRoute } from '@/lib/server/http/api-route';
import { json } from '@/lib/server/http/respond';
import { getMe } from '@/lib/server/users/get-me';

export const GET = apiRoute(async (request) => json(await getMe(await requireUser(request))));
