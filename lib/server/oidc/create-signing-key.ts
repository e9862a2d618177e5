import 'server-only';
import type { Tx } from '../db/client';
import { newId } from '../security/ids';
import { encryptPrivateKey } from '../security/key-encryption';
import { getMasterKey } from '../security/master-key';
import { generateSigningKey, type SigningAlgorithm } from '../security/signing-key-material';

/** Generates a key pair and stores it: public JWK in clear, private key encrypted under the master key. */
export async function createSigningKey(tx: Tx, orgId: string, algorithm: SigningAlgorithm, activatesAt: Date, now = new Date()) {
  const generated = generateSigningKey(algorithm);
  const encrypted = encryptPrivateKey(getMasterKey(), generated.privateKeyDer, orgId, generated.kid);
  generated.privateKeyDer.fill(0);
  return tx.signingKey.create({
    data: {
      id: newId(now.getTime()),
      orgId,
      kid: generated.kid,
      algorithm,
      publicJwk: JSON.stringify(generated.publicJwk),
      encryptedPrivateKey: encrypted,
      createdAt: now,
      activatesAt,
    },
    select: { id: true, kid: true, algorithm: true, activatesAt: true },
  });
}
