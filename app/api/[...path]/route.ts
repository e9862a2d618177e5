import { apiRoute } from '@/lib/server/http/api-route';
import { json } from '@/lib/server/http/respond';

// Unknown /api paths answer in the API's error shape rather than with the HTML 404 page.
const notFound = apiRoute<{ path: string[] }>(async () => json({ error: { code: 'not_found', message: 'No such API endpoint.' } }, 404));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
