import 'server-only';
import { getDb, type DbOrTx } from '../db/client';
import { getConfig } from '../env';
import { randomSecret, sha256Hex } from '../security/secrets';

// Server-side sessions (issue 2): a new random id at every sign-in (no fixation), idle expiry that
// slides with use, absolute expiry that does not, revocation by sign-out or from the sessions list.
// `lastSeenAt` is written at most once a minute per session to keep reads cheap.

const TOUCH_INTERVAL_MS = 60_000;

export interface SessionUser {
  sessionId: string;
  user: { id: string; email: string; name: string; createdAt: Date };
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function createSession(db: DbOrTx, userId: string, meta: { userAgent: string | null; ipAddress: string | null }, now = new Date()) {
  const { idleSeconds, absoluteSeconds } = getConfig().session;
  const token = randomSecret(32);
  const absoluteExpiresAt = new Date(now.getTime() + absoluteSeconds * 1000);
  const idleExpiresAt = new Date(Math.min(now.getTime() + idleSeconds * 1000, absoluteExpiresAt.getTime()));
  await db.session.create({
    data: {
      id: sha256Hex(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      absoluteExpiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
    },
  });
  return { token, idleExpiresAt, absoluteExpiresAt, maxAgeSeconds: absoluteSeconds };
}

/** The signed-in user for a cookie value, or null when it is unknown, expired or revoked. */
export async function resolveSession(token: string, now = new Date()): Promise<SessionUser | null> {
  const db = getDb();
  const session = await db.session.findUnique({
    where: { id: sha256Hex(token) },
    include: { user: { select: { id: true, email: true, name: true, createdAt: true } } },
  });
  if (!session || session.revokedAt !== null) return null;
  if (session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) return null;
  let idleExpiresAt = session.idleExpiresAt;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    idleExpiresAt = new Date(Math.min(now.getTime() + getConfig().session.idleSeconds * 1000, session.absoluteExpiresAt.getTime()));
    await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now, idleExpiresAt } });
  }
  return { sessionId: session.id, user: session.user, idleExpiresAt, absoluteExpiresAt: session.absoluteExpiresAt };
}

export async function revokeSessionByToken(token: string, now = new Date()): Promise<void> {
  await getDb().session.updateMany({ where: { id: sha256Hex(token), revokedAt: null }, data: { revokedAt: now } });
}
