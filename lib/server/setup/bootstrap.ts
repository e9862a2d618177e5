import 'server-only';
import type { AppConfig } from '../env';
import { getDb } from '../db/client';
import { prismaErrorCode } from '../errors';
import { log } from '../log';
import { newId } from '../security/ids';
import { hashPassword } from '../security/password';
import { sha256Hex } from '../security/secrets';
import { generateSetupCode, normalizeSetupCode } from './setup-code';

export const SETUP_CODE_KEY_PREFIX = 'setup_code:';
export const SETUP_CODE_TTL_MS = 24 * 3600 * 1000;

/**
 * Runs at start-up. With no user yet: create the first one from TRUSTBRIDGE_ADMIN_EMAIL/PASSWORD,
 * or print a one-time setup code (each replica prints its own; any of them works once).
 */
export async function bootstrap(config: AppConfig): Promise<void> {
  const db = getDb();
  if ((await db.user.count()) > 0) return;
  if (config.admin) {
    const email = config.admin.email.trim().toLowerCase();
    if (config.admin.password.length < 12) throw new Error('TRUSTBRIDGE_ADMIN_PASSWORD must have at least 12 characters');
    const passwordHash = await hashPassword(config.admin.password);
    try {
      await db.user.upsert({ where: { email }, create: { id: newId(), email, name: email.split('@')[0] ?? email, passwordHash }, update: {} });
      log.info('created the first user from TRUSTBRIDGE_ADMIN_EMAIL', { email });
    } catch (error) {
      // Several replicas starting together: one creates the user, the others find it taken.
      if (prismaErrorCode(error) !== 'P2002') throw error;
    }
    return;
  }
  const code = generateSetupCode();
  await db.systemSetting.create({
    data: { key: `${SETUP_CODE_KEY_PREFIX}${sha256Hex(normalizeSetupCode(code))}`, value: new Date(Date.now() + SETUP_CODE_TTL_MS).toISOString() },
  });
  // Printed on purpose (issue 2): whoever can read the server log may create the first account.
  process.stdout.write(
    `\n  Trustbridge has no users yet. Open ${config.publicUrl}/setup and enter this one-time setup code:\n\n      ${code}\n\n  (valid for 24 hours; restart the server for a new one)\n\n`,
  );
}
