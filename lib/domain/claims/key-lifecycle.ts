// Signing-key lifecycle (issue 3), computed from timestamps so every replica derives the same
// answer from the same rows:
//   next     activatesAt > now — published, not signing yet
//   active   the latest activatesAt <= now among keys not removed (ties: larger id) — signs
//   retired  superseded; published until its successor's activatesAt + RETIRED_KEY_RETENTION_MS
//   removed  removedAt set — never published again
// RETIRED_KEY_RETENTION_MS covers every token the key can have signed (max lifetime 60 min) plus a
// margin for verifiers that cached the JWKS.

export const MAX_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
export const JWKS_CACHE_MARGIN_MS = 60 * 60 * 1000;
export const RETIRED_KEY_RETENTION_MS = MAX_TOKEN_LIFETIME_MS + JWKS_CACHE_MARGIN_MS;

export type KeyState = 'next' | 'active' | 'retired' | 'removed';

export interface KeyTimes {
  id: string;
  activatesAt: Date;
  removedAt: Date | null;
}

export interface KeyStatus<K extends KeyTimes> {
  key: K;
  state: KeyState;
  /** When it stopped (or will stop) signing: the successor's activatesAt. */
  retiredAt: Date | null;
  /** Until when it stays in the JWKS (null: as long as it is next/active). */
  publishedUntil: Date | null;
  published: boolean;
}

function byActivation(a: KeyTimes, b: KeyTimes): number {
  const t = a.activatesAt.getTime() - b.activatesAt.getTime();
  return t !== 0 ? t : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function keyStatuses<K extends KeyTimes>(keys: readonly K[], now: Date): KeyStatus<K>[] {
  const live = keys.filter((k) => k.removedAt === null).sort(byActivation);
  const started = live.filter((k) => k.activatesAt.getTime() <= now.getTime());
  const active = started[started.length - 1];
  const successorOf = new Map<string, K>();
  for (let i = 0; i < live.length - 1; i++) {
    const current = live[i];
    const next = live[i + 1];
    if (current && next) successorOf.set(current.id, next);
  }
  return keys.map((key) => {
    if (key.removedAt !== null) return { key, state: 'removed', retiredAt: null, publishedUntil: null, published: false };
    if (key.activatesAt.getTime() > now.getTime()) return { key, state: 'next', retiredAt: null, publishedUntil: null, published: true };
    if (active && key.id === active.id) {
      const successor = successorOf.get(key.id);
      return { key, state: 'active', retiredAt: successor?.activatesAt ?? null, publishedUntil: null, published: true };
    }
    const retiredAt = successorOf.get(key.id)?.activatesAt ?? now;
    const publishedUntil = new Date(retiredAt.getTime() + RETIRED_KEY_RETENTION_MS);
    return { key, state: 'retired', retiredAt, publishedUntil, published: publishedUntil.getTime() > now.getTime() };
  });
}

export function activeKey<K extends KeyTimes>(keys: readonly K[], now: Date): K | null {
  return keyStatuses(keys, now).find((s) => s.state === 'active')?.key ?? null;
}

/** The earliest instant after `now` at which some key changes state (cache boundary). */
export function nextTransition(keys: readonly KeyTimes[], now: Date): Date | null {
  let earliest: number | null = null;
  for (const status of keyStatuses(keys, now)) {
    const candidates = [status.state === 'next' ? status.key.activatesAt.getTime() : null, status.publishedUntil?.getTime() ?? null];
    for (const t of candidates) if (t !== null && t > now.getTime() && (earliest === null || t < earliest)) earliest = t;
  }
  return earliest === null ? null : new Date(earliest);
}

/**
 * When the scheduled rotation should create the next key: `leadMs` before the active key has
 * signed for `periodMs`. Null when a next key already exists.
 */
export function scheduledRotation(keys: readonly KeyTimes[], now: Date, periodMs: number, leadMs: number): { createAt: Date; activatesAt: Date } | null {
  const statuses = keyStatuses(keys, now);
  if (statuses.some((s) => s.state === 'next')) return null;
  const active = statuses.find((s) => s.state === 'active');
  if (!active) return { createAt: now, activatesAt: now };
  const due = active.key.activatesAt.getTime() + periodMs;
  return { createAt: new Date(due - leadMs), activatesAt: new Date(Math.max(due, now.getTime() + leadMs)) };
}
