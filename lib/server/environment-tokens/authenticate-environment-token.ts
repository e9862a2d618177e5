import 'server-only';
import type { TokenSubjectContext } from '@/lib/domain/claims/id-token-claims';
import { getHotPathStore } from '../db/hot-path-store';
import { hashEnvironmentToken, isEnvironmentTokenShaped } from '../security/environment-token';

// Environment-token authentication for the issuer's hot path. Results (including "unknown" and
// "revoked") are cached per replica for CACHE_TTL_MS, which bounds how long a revocation or
// deletion made anywhere takes to reach every replica (issue 3: within 5 seconds). Expiry is
// checked on every request against the cached expiry time, so it is exact.

export const CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 50_000;

/** Who presented the token: its environment (what the ID token's claims are made of), and its expiry. */
export interface EnvironmentPrincipal extends TokenSubjectContext {
  tokenId: string;
  expiresAt: number | null;
}

export type Authentication = { ok: true; principal: EnvironmentPrincipal } | { ok: false; code: 'invalid_token' | 'token_revoked' | 'token_expired' };

type Cached = { result: { principal: EnvironmentPrincipal; revoked: boolean } | null; fetchedAt: number };

const holder = globalThis as { __trustbridgeTokenCache?: Map<string, Cached>; __trustbridgeTokenIds?: Map<string, string> };
const cache = (holder.__trustbridgeTokenCache ??= new Map());
const hashById = (holder.__trustbridgeTokenIds ??= new Map());

async function lookup(hash: string): Promise<Cached['result']> {
  const row = await (await getHotPathStore()).findEnvironmentToken(hash);
  if (!row) return null;
  const { id, revoked, expiresAtMs, ...rest } = row;
  return { revoked, principal: { tokenId: id, ...rest, expiresAt: expiresAtMs } };
}

function decide(result: Cached['result'], now: number): Authentication {
  if (!result) return { ok: false, code: 'invalid_token' };
  if (result.revoked) return { ok: false, code: 'token_revoked' };
  if (result.principal.expiresAt !== null && result.principal.expiresAt <= now) return { ok: false, code: 'token_expired' };
  return { ok: true, principal: result.principal };
}

/**
 * Synchronous when the answer is cached (the hot path's common case), a promise when the database
 * must be asked.
 */
export function authenticateEnvironmentToken(token: string, now = Date.now()): Authentication | Promise<Authentication> {
  if (!isEnvironmentTokenShaped(token)) return { ok: false, code: 'invalid_token' };
  const hash = hashEnvironmentToken(token);
  const entry = cache.get(hash);
  if (entry && now - entry.fetchedAt < CACHE_TTL_MS) return decide(entry.result, now);
  return refresh(hash, now);
}

// Concurrent requests with the same expired entry share one lookup. A revocation or deletion on
// this replica bumps the generation: a lookup that started before it is not cached afterwards.
const inFlight = new Map<string, Promise<Cached['result']>>();
let generation = 0;

function sharedLookup(hash: string): Promise<Cached['result']> {
  const existing = inFlight.get(hash);
  if (existing) return existing;
  const pending: Promise<Cached['result']> = lookup(hash).finally(() => {
    if (inFlight.get(hash) === pending) inFlight.delete(hash);
  });
  inFlight.set(hash, pending);
  return pending;
}

async function refresh(hash: string, now: number): Promise<Authentication> {
  const startedAt = generation;
  const entry: Cached = { result: await sharedLookup(hash), fetchedAt: now };
  if (startedAt !== generation) return decide(entry.result, now);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.delete(hash);
  cache.set(hash, entry);
  if (entry.result) hashById.set(entry.result.principal.tokenId, hash);
  return decide(entry.result, now);
}

/** Forget a token on this replica at once (revocation, deletion); other replicas within CACHE_TTL_MS. */
export function forgetEnvironmentToken(tokenId: string): void {
  generation++;
  const hash = hashById.get(tokenId);
  if (hash) {
    cache.delete(hash);
    inFlight.delete(hash);
  }
  hashById.delete(tokenId);
}

/** Forget every cached token (bulk deletions such as a whole environment or project). */
export function forgetAllEnvironmentTokens(): void {
  generation++;
  cache.clear();
  inFlight.clear();
  hashById.clear();
}
