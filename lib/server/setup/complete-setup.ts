import 'server-only';
import type { TSetupInput } from '@/lib/schemas/auth';
import type { RequestMeta } from '../auth/request-meta';
import { createSession } from '../auth/sessions';
import { addressKey, assertNotLocked, recordFailure, SETUP_PER_ADDRESS } from '../auth/throttle';
import { getDb } from '../db/client';
import { AppError, prismaErrorCode } from '../errors';
import { log } from '../log';
import { newId } from '../security/ids';
import { hashPassword } from '../security/password';
import { sha256Hex } from '../security/secrets';
import { SETUP_CODE_KEY_PREFIX } from './bootstrap';
import { normalizeSetupCode } from './setup-code';

const COMPLETED_KEY = 'setup_completed';
const notAvailable = () => new AppError(409, 'setup_not_available', 'Trustbridge is already set up. Sign in instead.');

export async function needsSetup(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

/** Creates the first user with a valid setup code, consumes every code, and signs the user in. */
export async function completeSetup(input: TSetupInput, meta: RequestMeta, now = new Date()) {
  if (!(await needsSetup())) throw notAvailable();
  const throttleKey = addressKey('setup', meta.ipAddress);
  await assertNotLocked([throttleKey], now);
  const codeKey = `${SETUP_CODE_KEY_PREFIX}${sha256Hex(normalizeSetupCode(input.code))}`;
  const code = await getDb().systemSetting.findUnique({ where: { key: codeKey } });
  if (!code || Date.parse(code.value) <= now.getTime()) {
    await recordFailure(throttleKey, SETUP_PER_ADDRESS, now);
    throw new AppError(400, 'invalid_setup_code', 'That setup code is not valid. Copy it from the server log (it changes on every restart).');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      // A unique marker row: of two concurrent setups (e.g. codes from two replicas) one commits.
      await tx.systemSetting.create({ data: { key: COMPLETED_KEY, value: now.toISOString() } });
      if ((await tx.user.count()) > 0) throw notAvailable();
      const user = await tx.user.create({ data: { id: newId(), email: input.email, name: input.name, passwordHash } });
      await tx.systemSetting.deleteMany({ where: { key: { startsWith: SETUP_CODE_KEY_PREFIX } } });
      log.info('first-run setup completed', { requestId: meta.requestId, userId: user.id });
      return createSession(tx, user.id, meta, now);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw notAvailable();
    throw error;
  }
}
