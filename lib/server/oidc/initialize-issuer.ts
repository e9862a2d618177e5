import 'server-only';
import type { Tx } from '../db/client';
import { createSigningKey } from './create-signing-key';
import { defaultIssuerSettings } from './issuer-settings';

/** Every organization is created with its issuer settings and an active ES256 key (same transaction). */
export async function initializeIssuer(tx: Tx, orgId: string, now = new Date()): Promise<void> {
  await tx.issuerSettings.create({ data: defaultIssuerSettings(orgId) });
  await createSigningKey(tx, orgId, 'ES256', now, now);
}
