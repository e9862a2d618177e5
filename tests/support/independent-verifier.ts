import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './server';

// PyJWT comes with Debian's python3 (/usr/bin/python3); joserfc with the machine's default
// python3. Both verify through the issuer's discovery document and JWKS.
const PYTHON = { pyjwt: '/usr/bin/python3', joserfc: 'python3' } as const;

export type Verifier = keyof typeof PYTHON;

/** `source`: a discovery URL, or the documents themselves (discovery + jwks) for a non-fetchable issuer. */
export function verifyIndependently(library: Verifier, source: string | { discovery: unknown; jwks: unknown }, audience: string, token: string): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string } {
  let arg = typeof source === 'string' ? source : '';
  if (typeof source !== 'string') {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tb-verify-')), 'discovery.json');
    writeFileSync(file, JSON.stringify({ ...(source.discovery as object), jwks: source.jwks }));
    arg = `@${file}`;
  }
  const r = spawnSync(PYTHON[library], [path.join(ROOT, 'tests/support/verify_jwt.py'), library, arg, audience, token], { encoding: 'utf8', timeout: 20_000 });
  const out = r.stdout.trim();
  return r.status === 0 ? { ok: true, claims: JSON.parse(out) as Record<string, unknown> } : { ok: false, reason: out || r.stderr };
}
