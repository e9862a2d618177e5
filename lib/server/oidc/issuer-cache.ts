import 'server-only';
import { createHash } from 'node:crypto';
import { activeKey, keyStatuses, nextTransition } from '@/lib/domain/claims/key-lifecycle';
import { getDb } from '../db/client';
import { decryptPrivateKey } from '../security/key-encryption';
import { prepareSigner, type PreparedSigner } from '../security/jwt-sign';
import { getMasterKey } from '../security/master-key';
import { privateKeyFromDer, type PublicJwk, type SigningAlgorithm } from '../security/signing-key-material';
import { discoveryDocument, jwksDocument } from './issuer-documents';
import { issuerFor } from './issuer';
import { readIssuerSettings, type IssuerSettingsValue } from './issuer-settings';

// Per-replica cache of what the issuer's hot paths need for one organization: settings, the
// pre-serialised discovery and JWKS documents, and the active signer (private key decrypted once).
// Bounded staleness, the same on every replica: an entry is re-validated against the database
// after REVALIDATE_MS (one indexed read of two version numbers; keys are reloaded only when they
// changed), and recomputed at the next key-state boundary (a key activating or leaving the JWKS).
// So a rotation or revocation made on any replica is served everywhere within REVALIDATE_MS.

export const REVALIDATE_MS = 2_000;
const MAX_ENTRIES = 10_000;

export interface IssuerState {
  orgId: string;
  orgSlug: string;
  issuer: string;
  settings: IssuerSettingsValue;
  discoveryBody: Buffer;
  jwksBody: Buffer;
  etag: string;
  signer: PreparedSigner | null;
  publishedAlgorithms: SigningAlgorithm[];
  checkedAt: number;
  validUntil: number;
}

interface KeyRow {
  id: string;
  kid: string;
  algorithm: string;
  publicJwk: string;
  encryptedPrivateKey: string;
  activatesAt: Date;
  removedAt: Date | null;
}

type Entry = { state: IssuerState | null; keys: KeyRow[]; keysVersion: number; settingsVersion: number; checkedAt: number; validUntil: number };

const holder = globalThis as { __trustbridgeIssuerCache?: Map<string, Entry>; __trustbridgeIssuerLoads?: Map<string, Promise<Entry>>; __trustbridgeSigners?: Map<string, PreparedSigner> };
const cache = (holder.__trustbridgeIssuerCache ??= new Map());
const loads = (holder.__trustbridgeIssuerLoads ??= new Map());
const signers = (holder.__trustbridgeSigners ??= new Map());

function signerFor(orgId: string, key: KeyRow): PreparedSigner {
  let signer = signers.get(key.kid);
  if (!signer) {
    const der = decryptPrivateKey(getMasterKey(), key.encryptedPrivateKey, orgId, key.kid);
    signer = prepareSigner(privateKeyFromDer(der), key.kid, key.algorithm as SigningAlgorithm);
    der.fill(0);
    signers.set(key.kid, signer);
  }
  return signer;
}

function buildState(org: { id: string; slug: string }, settings: IssuerSettingsValue, keys: KeyRow[], now: Date): { state: IssuerState; validUntil: number } {
  const statuses = keyStatuses(keys, now);
  const published = statuses.filter((s) => s.published).map((s) => JSON.parse(s.key.publicJwk) as PublicJwk);
  const issuer = issuerFor(org.id);
  const jwksBody = Buffer.from(JSON.stringify(jwksDocument(published)));
  const discoveryBody = Buffer.from(JSON.stringify(discoveryDocument(issuer, published)));
  const active = activeKey(keys, now);
  const boundary = nextTransition(keys, now)?.getTime() ?? Number.POSITIVE_INFINITY;
  const etag = `"${createHash('sha256').update(jwksBody).update(discoveryBody).digest('base64url').slice(0, 27)}"`;
  return {
    state: {
      orgId: org.id,
      orgSlug: org.slug,
      issuer,
      settings,
      discoveryBody,
      jwksBody,
      etag,
      signer: active && active.encryptedPrivateKey !== '' ? signerFor(org.id, active) : null,
      publishedAlgorithms: [...new Set(published.map((k) => k.alg))],
      checkedAt: now.getTime(),
      validUntil: boundary,
    },
    validUntil: boundary,
  };
}

async function load(orgId: string, previous: Entry | undefined, now: Date): Promise<Entry> {
  const db = getDb();
  const row = await db.issuerSettings.findUnique({ where: { orgId }, include: { org: { select: { id: true, slug: true } } } });
  if (!row) return { state: null, keys: [], keysVersion: 0, settingsVersion: 0, checkedAt: now.getTime(), validUntil: Number.POSITIVE_INFINITY };
  const settings = readIssuerSettings(row);
  const keys =
    previous && previous.keysVersion === row.keysVersion
      ? previous.keys
      : await db.signingKey.findMany({
          where: { orgId, removedAt: null },
          select: { id: true, kid: true, algorithm: true, publicJwk: true, encryptedPrivateKey: true, activatesAt: true, removedAt: true },
        });
  const { state, validUntil } = buildState(row.org, settings, keys, now);
  return { state, keys, keysVersion: row.keysVersion, settingsVersion: row.version, checkedAt: now.getTime(), validUntil };
}

/** Cache hit without a promise (the token endpoint's common case); undefined when a load is needed. */
export function cachedIssuerState(orgId: string, now = Date.now()): IssuerState | null | undefined {
  const entry = cache.get(orgId);
  if (entry && now - entry.checkedAt < REVALIDATE_MS && now < entry.validUntil) return entry.state;
  return undefined;
}

/** The organization's issuer state, or null when no such organization exists. */
export async function getIssuerState(orgId: string, now = new Date()): Promise<IssuerState | null> {
  const entry = cache.get(orgId);
  const t = now.getTime();
  if (entry && t - entry.checkedAt < REVALIDATE_MS) {
    if (t < entry.validUntil) return entry.state;
    if (entry.state) {
      // A key changed state by the clock alone: recompute from the rows we have.
      const { state, validUntil } = buildState({ id: entry.state.orgId, slug: entry.state.orgSlug }, entry.state.settings, entry.keys, now);
      entry.state = state;
      entry.validUntil = validUntil;
      return state;
    }
  }
  let pending = loads.get(orgId);
  if (!pending) {
    pending = load(orgId, entry, now).finally(() => loads.delete(orgId));
    loads.set(orgId, pending);
  }
  let fresh: Entry;
  try {
    fresh = await pending;
  } catch (error) {
    // Database unreachable: keep publishing what we last knew (public keys only; no change can
    // be made while the database is down) and try again shortly. Nothing known → the error.
    if (!entry?.state) throw error;
    entry.checkedAt = t - REVALIDATE_MS + 500;
    return entry.state;
  }
  if (cache.size >= MAX_ENTRIES && !cache.has(orgId)) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(orgId, fresh);
  return fresh.state;
}

/** Drops this replica's cached state after a local change (other replicas catch up within REVALIDATE_MS). */
export function invalidateIssuerState(orgId: string): void {
  cache.delete(orgId);
}
