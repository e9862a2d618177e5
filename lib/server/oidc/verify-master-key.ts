import 'server-only';
import { getDb } from '../db/client';
import { decryptPrivateKey } from '../security/key-encryption';
import { getMasterKey } from '../security/master-key';

/** Start-up check: the configured master key must decrypt the stored signing keys. */
export async function verifyMasterKey(): Promise<void> {
  const sample = await getDb().signingKey.findFirst({ where: { removedAt: null }, select: { orgId: true, kid: true, encryptedPrivateKey: true }, orderBy: { id: 'desc' } });
  if (!sample) return;
  decryptPrivateKey(getMasterKey(), sample.encryptedPrivateKey, sample.orgId, sample.kid).fill(0);
}
