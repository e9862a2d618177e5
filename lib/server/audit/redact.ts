// Audit rows keep before/after snapshots; secrets never go into them. Snapshots are built from
// explicit field lists by each use case; this pass is the safety net for anything that slips in.

const SECRET_KEYS = /pass(word)?|secret|^token$|tokenHash|hash$|private|session(Token)?$|credential|setupCode/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}
