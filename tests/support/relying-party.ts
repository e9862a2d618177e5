// Runs tests/support/oidc_relying_party.py: token verification by implementations that are not
// ours (PyJWT with Debian's python3, joserfc with the machine's default python3).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server';

export type Library = 'pyjwt' | 'joserfc';
// The default python3 is a pyenv shim (a shell script): resolve the interpreter once.
const defaultPython = (() => {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : 'python3';
})();
const PYTHON: Record<Library, string> = { pyjwt: '/usr/bin/python3', joserfc: defaultPython };
export const LIBRARIES: readonly Library[] = ['pyjwt', 'joserfc'];
const SCRIPT = path.join(ROOT, 'tests/support/oidc_relying_party.py');

/** Fetches discovery and JWKS over HTTP (PyJWT: jwt.PyJWKClient) and verifies. */
export function verifyViaDiscovery(library: Library, discoveryUrl: string, audience: string, token: string): { ok: true; claims: Record<string, unknown>; discovery: Record<string, unknown> } | { ok: false; reason: string } {
  const r = spawnSync(PYTHON[library], [SCRIPT, 'discover', library, discoveryUrl, audience, token], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return { ok: false, reason: (r.stdout || r.stderr).trim() };
  const out = JSON.parse(r.stdout) as { claims: Record<string, unknown>; discovery: Record<string, unknown> };
  return { ok: true, ...out };
}

export interface BatchCase {
  token: string;
  jwks: unknown;
}

/**
 * Verifies each token against its JWKS (issuer and audience fixed). Tokens and JWKS documents
 * are de-duplicated before they go to Python. Returns one entry per case: null when it verified,
 * else the refusal.
 */
export function verifyBatch(library: Library, issuer: string, audience: string, cases: readonly BatchCase[]): (string | null)[] {
  const tokens: string[] = [];
  const tokenIndex = new Map<string, number>();
  const jwks: unknown[] = [];
  const jwksIndex = new Map<string, number>();
  const indexOf = <T>(value: T, key: string, list: T[], index: Map<string, number>) => {
    let i = index.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      index.set(key, i);
    }
    return i;
  };
  const pairs = cases.map((c) => [indexOf(c.token, c.token, tokens, tokenIndex), indexOf(c.jwks, JSON.stringify(c.jwks), jwks, jwksIndex)] as const);
  // Identical (token, JWKS) pairs give identical answers: verify each distinct pair once.
  const distinct = [...new Map(pairs.map((p) => [`${p[0]}/${p[1]}`, p])).values()];
  const r = spawnSync(PYTHON[library], [SCRIPT, 'batch', library], { input: JSON.stringify({ issuer, audience, tokens, jwks, cases: distinct }), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${library} batch verifier failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as { ok: number; failures: { case: number; reason: string }[] };
  const failed = new Map<string, string>();
  for (const f of result.failures) {
    const p = distinct[f.case];
    if (p) failed.set(`${p[0]}/${p[1]}`, f.reason);
  }
  return pairs.map((p) => failed.get(`${p[0]}/${p[1]}`) ?? null);
}
