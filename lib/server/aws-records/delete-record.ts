import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import type { RecordStateRow } from './record-state';
import type { RecordStore } from './record-store';

/** DELETE of a provider or role record: Trustbridge's record only; the resource in AWS stays (see delete-in-aws). */
export async function deleteRecord<Row extends RecordStateRow>(access: OrgAccess, store: RecordStore<Row>, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await store.find(tx, access.orgId, id);
    if (!row) throw notFound(store.what);
    await store.remove(tx, access.orgId, row.id);
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: `${store.auditType}.delete`, target: { type: store.auditType, id: row.id, label: row.arn }, before: store.snapshot(row), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
  });
}
