import 'server-only';
import type { TLogin } from '@/lib/schemas/auth';
import type { RequestMeta } from '../auth/request-meta';
import { createSession } from '../auth/sessions';
import { accountKey, addressKey, assertNotLocked, clearFailures, recordFailure, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from '../auth/throttle';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { log } from '../log';
import { verifyPassword } from '../security/password';

// Sign-in pipeline: throttle check → constant-work password check (an unknown email costs the same
// argon2 work as a wrong password, and both get the same answer) → new session id.
export async function signIn(input: TLogin, meta: RequestMeta) {
  const keys = [accountKey(input.email), addressKey('signin', meta.ipAddress)];
  await assertNotLocked(keys);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await recordFailure(keys[0] as string, SIGN_IN_PER_ACCOUNT);
    await recordFailure(keys[1] as string, SIGN_IN_PER_ADDRESS);
    log.warn('sign-in failed', { requestId: meta.requestId, ipAddress: meta.ipAddress });
    throw new AppError(401, 'invalid_credentials', 'The email or password is not correct.');
  }
  await clearFailures(keys[0] as string);
  const session = await createSession(db, user.id, meta);
  log.info('signed in', { requestId: meta.requestId, userId: user.id });
  return session;
}
