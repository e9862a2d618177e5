import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_FILTERS, AUDIT_ACTIONS, AUDIT_FAMILIES, isAuditAction } from './actions';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/** Every `<family>.<verb>` string literal in an `action:` value (also `a ? 'x.y' : 'x.z'`), by file. */
function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ['lib/server', 'app', 'server'].flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      for (const literal of (match[1] ?? '').matchAll(/['"`]([a-z_]+\.[a-z_]+)['"`]/g)) found.set(literal[1] ?? '', path.relative(ROOT, file));
    }
  }
  return found;
}

describe('audit actions', () => {
  it('every action the server records is in the list (add new ones to AUDIT_FAMILIES)', () => {
    const recorded = recordedActions();
    // The scan sees the code it must see, ternaries included.
    for (const known of ['organization.create', 'member.leave', 'member.remove', 'id_token.issue', 'signing_key.schedule', 'trust_policy.delete', 'issuer.update']) expect([...recorded.keys()]).toContain(known);
    const missing = [...recorded].filter(([action]) => !isAuditAction(action)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it('is unique and well-formed; the filter offers every family once, with its label', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(AUDIT_ACTION_FILTERS.map((f) => f.value)).toEqual(['', ...Object.keys(AUDIT_FAMILIES).map((f) => `${f}.`)]);
    expect(new Set(AUDIT_ACTION_FILTERS.map((f) => f.label)).size).toBe(AUDIT_ACTION_FILTERS.length);
  });

  it('each family filter (a prefix) matches exactly the actions of that family', () => {
    for (const { value } of AUDIT_ACTION_FILTERS.slice(1)) {
      const family = value.slice(0, -1) as keyof typeof AUDIT_FAMILIES;
      expect(AUDIT_ACTIONS.filter((a) => a.startsWith(value))).toEqual(AUDIT_FAMILIES[family].verbs.map((v) => `${family}.${v}`));
    }
  });
});
