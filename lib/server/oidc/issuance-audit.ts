import 'server-only';
import { createGroupCommit, type GroupCommit } from '../audit/group-commit';
import { getHotPathStore, type AuditRow } from '../db/hot-path-store';
import { newId } from '../security/ids';

// Every issued ID token is audited by jti (issue 3) before the token leaves the server, through
// group commit so the endpoint keeps its throughput. The same write records the environment
// token's lastUsedAt, at most once a minute per token.

export interface Issuance {
  orgId: string;
  environmentId: string;
  environmentLabel: string;
  tokenId: string;
  jti: string;
  audience: string;
  kid: string;
  issuedAt: Date;
  expiresAt: Date;
  requestId: string | null;
  ipAddress: string | null;
}

const LAST_USED_EVERY_MS = 60_000;

/**
 * The audit rows of one batch. Their ids carry the write's millisecond, not issuedAt (whole
 * seconds, as in the token's iat): ids of one second sharing a time prefix would land at random
 * places among that second's rows, and every commit would rewrite dozens of index pages instead
 * of the right-hand edge of each index.
 */
export function issuanceRows(items: Issuance[], writtenAtMs: number): AuditRow[] {
  return items.map((i) => ({
    id: newId(writtenAtMs),
    orgId: i.orgId,
    actorType: 'environment',
    actorId: i.environmentId,
    actorLabel: i.environmentLabel,
    action: 'id_token.issue',
    targetType: 'id_token',
    targetLabel: i.jti,
    // jti is the target label and the environment the actor: not repeated here.
    after: JSON.stringify({ audience: i.audience, kid: i.kid, environmentTokenId: i.tokenId, expiresAt: i.expiresAt.toISOString() }),
    requestId: i.requestId,
    ipAddress: i.ipAddress,
    createdAt: i.issuedAt,
  }));
}

function createWriter(): GroupCommit<Issuance> {
  const lastUsedWritten = new Map<string, number>();
  return createGroupCommit<Issuance>(async (items) => {
    const now = Date.now();
    const touched = [...new Set(items.map((i) => i.tokenId))].filter((id) => now - (lastUsedWritten.get(id) ?? 0) >= LAST_USED_EVERY_MS);
    const rows = issuanceRows(items, now);
    await (await getHotPathStore()).recordIssuances(rows, touched, new Date(now));
    for (const id of touched) lastUsedWritten.set(id, now);
    if (lastUsedWritten.size > 100_000) lastUsedWritten.clear();
  });
}

const holder = globalThis as { __trustbridgeIssuanceAudit?: GroupCommit<Issuance> };

export function issuanceAudit(): GroupCommit<Issuance> {
  holder.__trustbridgeIssuanceAudit ??= createWriter();
  return holder.__trustbridgeIssuanceAudit;
}
