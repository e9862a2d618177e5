// Helpers of the claim inspector's integration tests (issue 11): a test key planted in an
// organization's JWKS (published as "next", never signing for the server) so that forged tokens
// can carry a valid signature and fail exactly the one check they target; AWS records written
// straight into the database (the AWS wizard's and credentials' APIs are other issues' work); and
// JWS assembly from raw JSON text (duplicate keys, odd headers).
import { generateKeyPairSync, randomInt, sign, type KeyObject } from 'node:crypto';
import type { SqlDatabase } from './issuer-kit';

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const randomId = () => Array.from({ length: 26 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');

export const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A compact JWS from header and payload (objects, or raw JSON text), signed with `key` (ES256), or with `signature` as given. */
export function jws(header: unknown, payload: unknown, key: KeyObject | string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = typeof key === 'string' ? key : sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${input}.${signature}`;
}

export interface PlantedKey {
  kid: string;
  privateKey: KeyObject;
  /** ES256-signs the header (with this kid unless the header names another) and payload. */
  sign(payload: unknown, header?: Record<string, unknown> | string): string;
  remove(): Promise<void>;
}

async function bumpKeys(db: SqlDatabase, orgId: string): Promise<void> {
  await db.run('UPDATE "IssuerSettings" SET "keysVersion" = "keysVersion" + 1 WHERE "orgId" = ?', [orgId]);
}

/** Publishes a test key in the organization's JWKS (state "next", activating in 2100: never used by the server). */
export async function plantKey(db: SqlDatabase, orgId: string): Promise<PlantedKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `planted-${randomId().slice(0, 10)}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
  const id = randomId();
  await db.run('INSERT INTO "SigningKey" ("id", "orgId", "kid", "algorithm", "publicJwk", "encryptedPrivateKey", "createdAt", "activatesAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    orgId,
    kid,
    'ES256',
    JSON.stringify(jwk),
    '',
    db.time(new Date()),
    db.time(new Date('2100-01-01T00:00:00Z')),
  ]);
  await bumpKeys(db, orgId);
  return {
    kid,
    privateKey,
    sign: (payload, header = { alg: 'ES256', kid, typ: 'JWT' }) => jws(header, payload, privateKey),
    remove: async () => {
      await db.run('DELETE FROM "SigningKey" WHERE "id" = ?', [id]);
      await bumpKeys(db, orgId);
    },
  };
}

const now = (db: SqlDatabase) => db.time(new Date());

export async function insertProvider(db: SqlDatabase, orgId: string, p: { accountId: string; issuerUrl: string; audiences: string[] }): Promise<string> {
  const id = randomId();
  const arn = `arn:aws:iam::${p.accountId}:oidc-provider/${p.issuerUrl.replace(/^https?:\/\//, '')}`;
  await db.run('INSERT INTO "AwsProvider" ("id", "orgId", "accountId", "arn", "issuerUrl", "audiences", "thumbprints", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    orgId,
    p.accountId,
    arn,
    p.issuerUrl,
    JSON.stringify(p.audiences),
    '[]',
    now(db),
  ]);
  return id;
}

export async function deleteProvider(db: SqlDatabase, id: string): Promise<void> {
  await db.run('DELETE FROM "AwsProvider" WHERE "id" = ?', [id]);
}

export async function insertRole(db: SqlDatabase, orgId: string, r: { accountId: string; name: string; trustPolicy: unknown }): Promise<{ id: string; arn: string }> {
  const id = randomId();
  const arn = `arn:aws:iam::${r.accountId}:role/${r.name}`;
  await db.run('INSERT INTO "AwsRole" ("id", "orgId", "accountId", "name", "nameKey", "arn", "trustPolicy", "managedPolicyArns", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    orgId,
    r.accountId,
    r.name,
    r.name.toLowerCase(),
    arn,
    typeof r.trustPolicy === 'string' ? r.trustPolicy : JSON.stringify(r.trustPolicy),
    '[]',
    now(db),
  ]);
  return { id, arn };
}

export async function insertCredential(db: SqlDatabase, orgId: string, c: { name: string; roleArn: string }): Promise<string> {
  const id = randomId();
  await db.run('INSERT INTO "DeploymentCredential" ("id", "orgId", "scopeKey", "name", "roleArn", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)', [id, orgId, `test:${id}`, c.name, c.roleArn, now(db)]);
  return id;
}
