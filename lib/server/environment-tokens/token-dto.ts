import 'server-only';
import type { TEnvironmentToken } from '@/lib/schemas/tokens';

export interface TokenRow {
  id: string;
  environmentId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export function tokenStatus(t: Pick<TokenRow, 'revokedAt' | 'expiresAt'>, now = new Date()): TEnvironmentToken['status'] {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt <= now) return 'expired';
  return 'active';
}

export function toTokenDto(t: TokenRow): TEnvironmentToken {
  return {
    id: t.id,
    environmentId: t.environmentId,
    name: t.name,
    prefix: t.prefix,
    status: tokenStatus(t),
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/** Audit view of a token: never the token or its hash. */
export function tokenSnapshot(t: TokenRow) {
  return { id: t.id, name: t.name, prefix: t.prefix, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}
