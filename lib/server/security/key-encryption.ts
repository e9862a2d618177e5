import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

// Private signing keys at rest: AES-256-GCM under the master key, 96-bit random IV, 128-bit tag.
// The additional authenticated data binds the ciphertext to its organization and kid, so a key
// row copied to another organization or renamed does not decrypt.

const VERSION = 'v1';

export function keyAad(orgId: string, kid: string): Buffer {
  return Buffer.from(`trustbridge/signing-key/${VERSION}/${orgId}/${kid}`, 'utf8');
}

export function encryptPrivateKey(masterKey: KeyObject, plaintext: Buffer, orgId: string, kid: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(keyAad(orgId, kid));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export class KeyDecryptionError extends Error {
  override name = 'KeyDecryptionError';
}

export function decryptPrivateKey(masterKey: KeyObject, stored: string, orgId: string, kid: string): Buffer {
  const raw = Buffer.from(stored, 'base64');
  if (raw.length < 12 + 16 + 1) throw new KeyDecryptionError('stored private key is truncated');
  const iv = raw.subarray(0, 12);
  const tag = raw.subarray(raw.length - 16);
  const body = raw.subarray(12, raw.length - 16);
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, iv);
    decipher.setAAD(keyAad(orgId, kid));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new KeyDecryptionError(`signing key ${kid} does not decrypt with this master key (wrong TRUSTBRIDGE_MASTER_KEY?)`);
  }
}
