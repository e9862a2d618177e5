import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

// loadConfig is pure: every rule is checked from an environment map, never from process.env.
const KEY = Buffer.alloc(32, 1).toString('base64');

function fails(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('an empty environment is a local http deployment on port 3000 with SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      nodeEnv: 'production',
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      publicOrigin: 'http://localhost:3000',
      https: false,
      dataDir: path.resolve('data'),
      database: { kind: 'sqlite', file: path.join(path.resolve('data'), 'trustbridge.db') },
      masterKey: null,
      admin: null,
      session: { idleSeconds: 8 * 3600, absoluteSeconds: 7 * 24 * 3600 },
      trustProxy: false,
      tokenRateLimit: 20,
      logLevel: 'info',
    });
  });

  it('the default PUBLIC_URL follows PORT', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: '   ' }).publicUrl).toBe('http://localhost:8080');
  });
});

describe('PUBLIC_URL', () => {
  it.each([
    ['https://trustbridge.example.com', 'https://trustbridge.example.com', true],
    ['https://trustbridge.example.com/', 'https://trustbridge.example.com', true],
    ['  https://trustbridge.example.com  ', 'https://trustbridge.example.com', true],
    ['HTTPS://TrustBridge.Example.COM', 'https://trustbridge.example.com', true],
    ['https://trustbridge.example.com:443', 'https://trustbridge.example.com', true],
    ['https://trustbridge.example.com:8443', 'https://trustbridge.example.com:8443', true],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', false],
    ['http://[::1]:3000/', 'http://[::1]:3000', false],
  ])('%s → origin %s (https %s)', (raw, origin, https) => {
    const config = loadConfig({ PUBLIC_URL: raw, TRUSTBRIDGE_MASTER_KEY: KEY });
    expect(config.publicUrl).toBe(origin);
    expect(config.publicOrigin).toBe(origin);
    expect(config.https).toBe(https);
  });

  it.each([
    'https://trustbridge.example.com/app',
    'https://trustbridge.example.com/oidc/',
    'https://trustbridge.example.com/?x=1',
    'https://trustbridge.example.com/#top',
    'https://user:pass@trustbridge.example.com',
    'https://user@trustbridge.example.com',
  ])('%s is refused: origin only', (raw) => {
    expect(fails({ PUBLIC_URL: raw, TRUSTBRIDGE_MASTER_KEY: KEY }).message).toBe(
      'PUBLIC_URL must be an origin only, e.g. https://trustbridge.example.com (no path, query, fragment or credentials)',
    );
  });

  it.each(['ftp://trustbridge.example.com', 'ws://trustbridge.example.com', 'file:///srv/trustbridge', 'javascript:alert(1)'])('%s is refused: scheme', (raw) => {
    expect(fails({ PUBLIC_URL: raw }).message).toBe('PUBLIC_URL must start with https:// or http://');
  });

  it.each(['trustbridge.example.com', '//trustbridge.example.com', 'https://', 'http://exa mple.com'])('%s is not a URL', (raw) => {
    expect(fails({ PUBLIC_URL: raw }).message).toBe(`PUBLIC_URL is not a URL: ${JSON.stringify(raw)}`);
  });
});

describe('TRUSTBRIDGE_MASTER_KEY', () => {
  const required = 'TRUSTBRIDGE_MASTER_KEY is required when PUBLIC_URL is https (generate one with: openssl rand -base64 32)';

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('https with the key %s is refused', (_label, key) => {
    expect(fails({ PUBLIC_URL: 'https://trustbridge.example.com', TRUSTBRIDGE_MASTER_KEY: key }).message).toBe(required);
  });

  it('https with a key is accepted and the key is kept trimmed', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://trustbridge.example.com', TRUSTBRIDGE_MASTER_KEY: ` ${KEY}\n` }).masterKey).toBe(KEY);
  });

  it('http may run without a key (generated into the data directory later)', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).masterKey).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000', TRUSTBRIDGE_MASTER_KEY: '  ' }).masterKey).toBeNull();
  });
});

describe('DATABASE_URL', () => {
  const dataDir = path.resolve('/srv/trustbridge-data');
  it.each([
    [undefined, { kind: 'sqlite', file: path.join(dataDir, 'trustbridge.db') }],
    ['', { kind: 'sqlite', file: path.join(dataDir, 'trustbridge.db') }],
    ['   ', { kind: 'sqlite', file: path.join(dataDir, 'trustbridge.db') }],
    ['postgres://tb:pw@127.0.0.1:5432/tb', { kind: 'postgresql', url: 'postgres://tb:pw@127.0.0.1:5432/tb' }],
    ['postgresql://tb@db/tb?sslmode=require', { kind: 'postgresql', url: 'postgresql://tb@db/tb?sslmode=require' }],
    [' postgres://db/tb ', { kind: 'postgresql', url: 'postgres://db/tb' }],
    ['file:/var/lib/tb.db', { kind: 'sqlite', file: '/var/lib/tb.db' }],
    ['file:./data/x.db', { kind: 'sqlite', file: path.resolve('./data/x.db') }],
  ])('%j → %j', (raw, database) => {
    expect(loadConfig({ DATABASE_URL: raw, TRUSTBRIDGE_DATA_DIR: dataDir }).database).toEqual(database);
  });

  it('file: without a path is refused', () => {
    expect(fails({ DATABASE_URL: 'file:' }).message).toBe('DATABASE_URL file: needs a path, e.g. file:./data/trustbridge.db');
  });

  it.each(['mysql://db/tb', 'sqlite:tb.db', 'POSTGRES://db/tb', './data/tb.db', 'pg://db'])('%s is refused', (raw) => {
    expect(fails({ DATABASE_URL: raw }).message).toBe('DATABASE_URL must be postgres://…, postgresql://… or file:<path> (unset = SQLite under TRUSTBRIDGE_DATA_DIR)');
  });
});

describe('first admin user', () => {
  const pairing = 'Set both TRUSTBRIDGE_ADMIN_EMAIL and TRUSTBRIDGE_ADMIN_PASSWORD, or neither';
  it.each([
    [{ TRUSTBRIDGE_ADMIN_EMAIL: 'admin@example.com' }],
    [{ TRUSTBRIDGE_ADMIN_PASSWORD: 'a long enough password' }],
    [{ TRUSTBRIDGE_ADMIN_EMAIL: '   ', TRUSTBRIDGE_ADMIN_PASSWORD: 'a long enough password' }],
    [{ TRUSTBRIDGE_ADMIN_EMAIL: 'admin@example.com', TRUSTBRIDGE_ADMIN_PASSWORD: '' }],
  ])('only one of the pair is refused: %j', (env) => {
    expect(fails(env).message).toBe(pairing);
  });

  it('both set → admin with the email trimmed and the password verbatim', () => {
    expect(loadConfig({ TRUSTBRIDGE_ADMIN_EMAIL: ' admin@example.com ', TRUSTBRIDGE_ADMIN_PASSWORD: ' spaces count ' }).admin).toEqual({
      email: 'admin@example.com',
      password: ' spaces count ',
    });
  });

  it('neither set (or both empty) → no admin', () => {
    expect(loadConfig({}).admin).toBeNull();
    expect(loadConfig({ TRUSTBRIDGE_ADMIN_EMAIL: '', TRUSTBRIDGE_ADMIN_PASSWORD: '' }).admin).toBeNull();
  });
});

describe('session bounds', () => {
  it.each([
    ['60', '300', 60, 300],
    ['3600', '3600', 3600, 3600],
    [String(30 * 24 * 3600), String(90 * 24 * 3600), 30 * 24 * 3600, 90 * 24 * 3600],
  ])('idle %s, absolute %s accepted', (idle, max, idleSeconds, absoluteSeconds) => {
    expect(loadConfig({ TRUSTBRIDGE_SESSION_IDLE_SECONDS: idle, TRUSTBRIDGE_SESSION_MAX_SECONDS: max }).session).toEqual({ idleSeconds, absoluteSeconds });
  });

  it.each([
    ['TRUSTBRIDGE_SESSION_IDLE_SECONDS', '59'],
    ['TRUSTBRIDGE_SESSION_IDLE_SECONDS', String(30 * 24 * 3600 + 1)],
    ['TRUSTBRIDGE_SESSION_IDLE_SECONDS', '3600.5'],
    ['TRUSTBRIDGE_SESSION_IDLE_SECONDS', 'an hour'],
    ['TRUSTBRIDGE_SESSION_MAX_SECONDS', '299'],
    ['TRUSTBRIDGE_SESSION_MAX_SECONDS', String(90 * 24 * 3600 + 1)],
  ])('%s=%s is out of bounds', (name, value) => {
    expect(fails({ [name]: value }).message).toMatch(new RegExp(`^Invalid ${name}: `));
  });

  it('idle longer than the absolute lifetime is refused', () => {
    expect(fails({ TRUSTBRIDGE_SESSION_IDLE_SECONDS: '3601', TRUSTBRIDGE_SESSION_MAX_SECONDS: '3600' }).message).toBe(
      'TRUSTBRIDGE_SESSION_IDLE_SECONDS must not exceed TRUSTBRIDGE_SESSION_MAX_SECONDS',
    );
    // The default idle (8 h) against a shorter absolute lifetime breaks the same rule.
    expect(fails({ TRUSTBRIDGE_SESSION_MAX_SECONDS: '3600' }).message).toBe('TRUSTBRIDGE_SESSION_IDLE_SECONDS must not exceed TRUSTBRIDGE_SESSION_MAX_SECONDS');
  });
});

describe('other variables', () => {
  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', 'http'],
    ['PORT', ''],
    ['HOST', ''],
    ['NODE_ENV', 'staging'],
    ['TRUSTBRIDGE_TRUST_PROXY', 'yes'],
    ['TRUSTBRIDGE_TOKEN_RATE_LIMIT', '0'],
    ['TRUSTBRIDGE_LOG_LEVEL', 'verbose'],
    ['TRUSTBRIDGE_DATA_DIR', ''],
  ])('%s=%j is refused, naming the variable', (name, value) => {
    expect(fails({ [name]: value }).message).toMatch(new RegExp(`^Invalid ${name}: `));
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('TRUSTBRIDGE_TRUST_PROXY=%s → %s', (raw, value) => {
    expect(loadConfig({ TRUSTBRIDGE_TRUST_PROXY: raw }).trustProxy).toBe(value);
  });

  it('reads every other variable', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '65535',
      HOST: '127.0.0.1',
      TRUSTBRIDGE_DATA_DIR: '/srv/tb',
      TRUSTBRIDGE_TOKEN_RATE_LIMIT: '5',
      TRUSTBRIDGE_LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ nodeEnv: 'development', port: 65535, host: '127.0.0.1', dataDir: '/srv/tb', tokenRateLimit: 5, logLevel: 'debug' });
  });

  it('reports the first invalid variable only, and never its value', () => {
    const error = fails({ PORT: 'secret-looking-value' });
    expect(error.message).not.toContain('secret-looking-value');
    expect(error.name).toBe('ConfigError');
  });
});
