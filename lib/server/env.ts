import 'server-only';
import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env in the app (STYLE: "only it reads process.env"). Everything is
// validated once at start-up; a bad value stops the server with a message naming the variable.

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** External base URL, origin only (no path). Source of truth for issuer, CSRF origin and cookies. */
  publicUrl: string;
  publicOrigin: string;
  https: boolean;
  dataDir: string;
  database: DatabaseConfig;
  /** Raw TRUSTBRIDGE_MASTER_KEY (base64 of 32 bytes) or null → generated into dataDir (http only). */
  masterKey: string | null;
  admin: { email: string; password: string } | null;
  session: { idleSeconds: number; absoluteSeconds: number };
  trustProxy: boolean;
  /** ID tokens per second per environment (token bucket, burst = 2×), per replica. */
  tokenRateLimit: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const ZPositiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: ZPositiveInt(1, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  TRUSTBRIDGE_DATA_DIR: z.string().min(1).default('data'),
  TRUSTBRIDGE_MASTER_KEY: z.string().optional(),
  TRUSTBRIDGE_ADMIN_EMAIL: z.string().optional(),
  TRUSTBRIDGE_ADMIN_PASSWORD: z.string().optional(),
  TRUSTBRIDGE_SESSION_IDLE_SECONDS: ZPositiveInt(60, 30 * 24 * 3600).default(8 * 3600),
  TRUSTBRIDGE_SESSION_MAX_SECONDS: ZPositiveInt(300, 90 * 24 * 3600).default(7 * 24 * 3600),
  TRUSTBRIDGE_TRUST_PROXY: ZBool.default(false),
  TRUSTBRIDGE_TOKEN_RATE_LIMIT: ZPositiveInt(1, 1_000_000).default(20),
  TRUSTBRIDGE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parsePublicUrl(raw: string | undefined, port: number): URL {
  const value = raw && raw.trim() !== '' ? raw.trim() : `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL must start with https:// or http://');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError('PUBLIC_URL must be an origin only, e.g. https://trustbridge.example.com (no path, query, fragment or credentials)');
  }
  return url;
}

function parseDatabase(raw: string | undefined, dataDir: string): DatabaseConfig {
  if (!raw || raw.trim() === '') return { kind: 'sqlite', file: path.join(dataDir, 'trustbridge.db') };
  const value = raw.trim();
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) return { kind: 'postgresql', url: value };
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length);
    if (file === '') throw new ConfigError('DATABASE_URL file: needs a path, e.g. file:./data/trustbridge.db');
    return { kind: 'sqlite', file: path.resolve(file) };
  }
  throw new ConfigError('DATABASE_URL must be postgres://…, postgresql://… or file:<path> (unset = SQLite under TRUSTBRIDGE_DATA_DIR)');
}

/** Pure: builds the configuration from an environment map. Throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid ${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  const url = parsePublicUrl(e.PUBLIC_URL, e.PORT);
  const https = url.protocol === 'https:';
  const dataDir = path.resolve(e.TRUSTBRIDGE_DATA_DIR);
  const masterKey = e.TRUSTBRIDGE_MASTER_KEY?.trim() || null;
  if (https && !masterKey) throw new ConfigError('TRUSTBRIDGE_MASTER_KEY is required when PUBLIC_URL is https (generate one with: openssl rand -base64 32)');
  const adminEmail = e.TRUSTBRIDGE_ADMIN_EMAIL?.trim();
  const adminPassword = e.TRUSTBRIDGE_ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) throw new ConfigError('Set both TRUSTBRIDGE_ADMIN_EMAIL and TRUSTBRIDGE_ADMIN_PASSWORD, or neither');
  if (e.TRUSTBRIDGE_SESSION_IDLE_SECONDS > e.TRUSTBRIDGE_SESSION_MAX_SECONDS) throw new ConfigError('TRUSTBRIDGE_SESSION_IDLE_SECONDS must not exceed TRUSTBRIDGE_SESSION_MAX_SECONDS');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: url.origin,
    publicOrigin: url.origin,
    https,
    dataDir,
    database: parseDatabase(e.DATABASE_URL, dataDir),
    masterKey,
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : null,
    session: { idleSeconds: e.TRUSTBRIDGE_SESSION_IDLE_SECONDS, absoluteSeconds: e.TRUSTBRIDGE_SESSION_MAX_SECONDS },
    trustProxy: e.TRUSTBRIDGE_TRUST_PROXY,
    tokenRateLimit: e.TRUSTBRIDGE_TOKEN_RATE_LIMIT,
    logLevel: e.TRUSTBRIDGE_LOG_LEVEL,
  };
}

const globalConfig = globalThis as { __trustbridgeConfig?: AppConfig };

export function getConfig(): AppConfig {
  globalConfig.__trustbridgeConfig ??= loadConfig(process.env);
  return globalConfig.__trustbridgeConfig;
}
