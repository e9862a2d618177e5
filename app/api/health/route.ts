import { getDb } from '@/lib/server/db/client';
import { json } from '@/lib/server/http/respond';
import { log } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

/** Liveness and readiness in one: 200 when the database answers, else 503. */
export async function GET(): Promise<Response> {
  try {
    await getDb().$queryRawUnsafe('SELECT 1');
    return json({ status: 'ok' });
  } catch (error) {
    log.error('health check: database unavailable', { error });
    return json({ status: 'unavailable', error: { code: 'service_unavailable', message: 'The database is not reachable.' } }, 503, { 'Retry-After': '5' });
  }
}
