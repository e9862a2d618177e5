import 'server-only';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../env';
import { log } from '../log';

// The key-encryption key for signing keys (PRODUCT.md, TRUSTBRIDGE_MASTER_KEY): 32 random bytes,
// base64. Required when PUBLIC_URL is https. On a local http deployment without it, one is
// generated into the data directory (mode 0600) with a loud warning — losing that file makes the
// organizations' signing keys unrecoverable.

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

export function parseMasterKey(value: string): KeyObject {
  const bytes = Buffer.from(value.trim(), 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== value.trim().replace(/\s/g, '')) {
    throw new MasterKeyError('TRUSTBRIDGE_MASTER_KEY must be exactly 32 bytes encoded as base64 (generate one with: openssl rand -base64 32)');
  }
  return createSecretKey(bytes);
}

function fromDataDir(dataDir: string): KeyObject {
  const file = path.join(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    log.warn('TRUSTBRIDGE_MASTER_KEY is not set: generated a master key in the data directory. Back it up, or set TRUSTBRIDGE_MASTER_KEY before serving real traffic.', { file });
  } else {
    log.warn('TRUSTBRIDGE_MASTER_KEY is not set: using the master key stored in the data directory', { file });
  }
  chmodSync(file, 0o600);
  return parseMasterKey(readFileSync(file, 'utf8'));
}

const holder = globalThis as { __trustbridgeMasterKey?: KeyObject };

/** Resolved once per process (start-up) and shared by the server bundle and Next's bundle. */
export function loadMasterKey(config: AppConfig): KeyObject {
  holder.__trustbridgeMasterKey ??= config.masterKey ? parseMasterKey(config.masterKey) : fromDataDir(config.dataDir);
  return holder.__trustbridgeMasterKey;
}

export function getMasterKey(): KeyObject {
  if (!holder.__trustbridgeMasterKey) throw new MasterKeyError('master key not loaded: the server loads it at start-up');
  return holder.__trustbridgeMasterKey;
}
