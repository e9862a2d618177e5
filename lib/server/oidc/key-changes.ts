import 'server-only';
import type { Tx } from '../db/client';
import { versionConflict } from '../errors';

// Every change to an organization's signing keys is compare-and-set on IssuerSettings.keysVersion
// inside the same transaction: of two replicas (or admins) rotating at once, one commits and the
// other gets a conflict — there can never be two competing next/active keys.
export async function claimKeyChange(tx: Tx, orgId: string, expectedKeysVersion: number): Promise<void> {
  const claimed = await tx.issuerSettings.updateMany({ where: { orgId, keysVersion: expectedKeysVersion }, data: { keysVersion: { increment: 1 } } });
  if (claimed.count !== 1) throw versionConflict('signing keys');
}

export const WIPED_KEY = '';
