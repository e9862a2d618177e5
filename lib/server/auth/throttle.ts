import 'server-only';
import { getDb } from '../db/client';
import { prismaErrorCode, rateLimited } from '../errors';
import { sha256Hex } from '../security/secrets';

// Failed-attempt counters in the database, so every replica sees the same count. A key is locked
// for `lockSeconds` once it reaches `maxFailures` failures within `windowSeconds`. Checked before
// any password is verified, so a locked key costs no argon2 work. Updates are compare-and-set on
// `version`, so concurrent failures are all counted.

export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const SIGN_IN_PER_ACCOUNT: ThrottleRule = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };
export const SIGN_IN_PER_ADDRESS: ThrottleRule = { maxFailures: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };
export const SETUP_PER_ADDRESS: ThrottleRule = { maxFailures: 10, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export function accountKey(email: string): string {
  return `email:${sha256Hex(email.toLowerCase())}`;
}

export function addressKey(scope: string, address: string | null): string {
  return `${scope}:${address ?? 'unknown'}`;
}

/** Throws 429 with Retry-After when any of the keys is locked. */
export async function assertNotLocked(keys: string[], now = new Date()): Promise<void> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const until = rows.reduce<number>((max, row) => Math.max(max, row.lockedUntil?.getTime() ?? 0), 0);
  if (until > now.getTime()) throw rateLimited((until - now.getTime()) / 1000, 'Too many failed attempts. Wait a moment and try again.');
}

export async function recordFailure(key: string, rule: ThrottleRule, now = new Date()): Promise<void> {
  const db = getDb();
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    if (!row) {
      try {
        await db.loginThrottle.create({ data: { key, failures: 1, windowStartedAt: now, lockedUntil: rule.maxFailures <= 1 ? new Date(now.getTime() + rule.lockSeconds * 1000) : null } });
        return;
      } catch (error) {
        if (prismaErrorCode(error) === 'P2002') continue;
        throw error;
      }
    }
    const windowOver = now.getTime() - row.windowStartedAt.getTime() > rule.windowSeconds * 1000;
    const failures = windowOver ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockSeconds * 1000) : windowOver ? null : row.lockedUntil;
    const updated = await db.loginThrottle.updateMany({
      where: { key, version: row.version },
      data: { failures, windowStartedAt: windowOver ? now : row.windowStartedAt, lockedUntil, version: { increment: 1 } },
    });
    if (updated.count === 1) return;
  }
}

export async function clearFailures(key: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key } });
}
