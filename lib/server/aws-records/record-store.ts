import 'server-only';
import type { AwsRecordStatus } from '@/lib/domain/aws/verification-state';
import type { TLastApply, TLastVerification } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb, type DbOrTx, type Tx } from '../db/client';
import { notFound } from '../errors';
import type { RecordStateRow } from './record-state';

// What apply, verify and delete-in-aws write back: an observation of AWS (status, lastApply,
// lastVerification), in one transaction with its audit row. Providers and roles differ only in
// their table and snapshot: each has a RecordStore.

export interface Observation {
  status?: AwsRecordStatus;
  lastApply?: TLastApply;
  lastVerification?: TLastVerification;
  /** Providers only: the issuer moved (PUBLIC_URL changed) — a new URL and ARN, and a new version. */
  moved?: { issuerUrl: string; arn: string };
}

export interface RecordStore<Row extends RecordStateRow> {
  /** "AWS provider" / "AWS role", for not-found messages. */
  what: string;
  auditType: 'aws_provider' | 'aws_role';
  find(db: DbOrTx, orgId: string, id: string): Promise<Row | null>;
  write(tx: Tx, orgId: string, id: string, observation: Observation): Promise<void>;
  remove(tx: Tx, orgId: string, id: string): Promise<unknown>;
  snapshot(row: Row): Record<string, unknown>;
}

/** The JSON columns of an observation. */
export function observedColumns(observation: Observation) {
  return {
    ...(observation.status ? { status: observation.status } : {}),
    ...(observation.lastApply ? { lastApply: JSON.stringify(observation.lastApply) } : {}),
    ...(observation.lastVerification ? { lastVerification: JSON.stringify(observation.lastVerification) } : {}),
  };
}

/**
 * Stores an observation of AWS made with the record as `read` was; `observe(current)` decides it
 * with the record as it is now (e.g. keeps the status if someone edited it meanwhile). Audited as
 * `<type>.<action>` with `audit` added to the snapshot.
 */
export async function saveObservation<Row extends RecordStateRow>(access: OrgAccess, store: RecordStore<Row>, read: Row, action: 'apply' | 'verify' | 'delete_in_aws', observe: (current: Row) => Observation, audit: Record<string, unknown>): Promise<Row> {
  return getDb().$transaction(async (tx) => {
    const current = await store.find(tx, access.orgId, read.id);
    if (!current) throw notFound(store.what);
    await store.write(tx, access.orgId, read.id, observe(current));
    const after = await store.find(tx, access.orgId, read.id);
    if (!after) throw notFound(store.what);
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: `${store.auditType}.${action}`,
      target: { type: store.auditType, id: after.id, label: after.arn },
      before: store.snapshot(current),
      after: { ...store.snapshot(after), ...audit },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return after;
  });
}

/** The audit summary of an apply or delete outcome. */
export const outcomeAudit = (outcome: TLastApply) => ({ ok: outcome.ok, result: outcome.result ?? null, steps: outcome.steps, error: outcome.error ?? null });
