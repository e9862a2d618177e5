import 'server-only';
import type { Tx } from '../db/client';

/**
 * Serialises membership changes of one organization: touching the organization row takes its row
 * lock (PostgreSQL) until commit, so "is this the last owner?" checks cannot race each other.
 * (Embedded SQLite already runs one write transaction at a time.)
 */
export async function lockMemberships(tx: Tx, orgId: string): Promise<void> {
  await tx.organization.update({ where: { id: orgId }, data: { updatedAt: new Date() }, select: { id: true } });
}

export async function ownerCount(tx: Tx, orgId: string): Promise<number> {
  return tx.membership.count({ where: { orgId, role: 'owner' } });
}
