// Case-insensitive view of a request context. "Condition key names are not case-sensitive"
// (IAM User Guide, Condition). Exact spellings are tried first so the common case allocates nothing;
// a lower-cased index is built at most once per request when a spelling differs.
// An empty string in a key the user defines (a tag) is null: it reads as no value at all — an empty
// list, which every operator treats as a missing key (user-defined-keys.ts says which keys and why).
import { isUserDefinedKey } from './user-defined-keys';

const hasOwn = Object.prototype.hasOwnProperty;

/** A context value as read: a single string, a list of strings, or absent (undefined). */
export type ContextRead = string | readonly string[] | undefined;

function normalize(raw: unknown): ContextRead {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) {
    let allStrings = true;
    for (let i = 0; i < raw.length; i++) {
      if (typeof raw[i] !== 'string') {
        allStrings = false;
        break;
      }
    }
    if (allStrings) return raw as string[];
    const out: string[] = [];
    for (const v of raw) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    return out;
  }
  return undefined;
}

const NULL: readonly string[] = Object.freeze([]);

function hasEmpty(v: ContextRead): boolean {
  return v === '' || (v !== undefined && typeof v !== 'string' && v.includes(''));
}

export class ContextView {
  private ctx: object = {};
  private lower: Map<string, unknown> | null = null;

  reset(context: unknown): void {
    this.ctx = context !== null && typeof context === 'object' && !Array.isArray(context) ? context : {};
    this.lower = null;
  }

  get(written: string, lower: string): ContextRead {
    const v = this.read(written, lower);
    if (!hasEmpty(v) || !isUserDefinedKey(lower)) return v;
    return typeof v === 'string' || v === undefined ? NULL : v.filter((x) => x !== '');
  }

  /** How a user-defined key's empty string was nulled: `value` (""), `list` (only "" values), or null. */
  nulled(written: string, lower: string): 'value' | 'list' | null {
    const v = this.read(written, lower);
    if (v === undefined || !hasEmpty(v) || !isUserDefinedKey(lower)) return null;
    if (typeof v === 'string') return 'value';
    return v.every((x) => x === '') ? 'list' : null;
  }

  private read(written: string, lower: string): ContextRead {
    const ctx = this.ctx as Record<string, unknown>;
    if (hasOwn.call(ctx, written)) return normalize(ctx[written]);
    if (lower !== written && hasOwn.call(ctx, lower)) return normalize(ctx[lower]);
    if (this.lower === null) {
      const map = new Map<string, unknown>();
      for (const key of Object.keys(ctx)) {
        const k = key.toLowerCase();
        if (!map.has(k)) map.set(k, ctx[key]);
      }
      this.lower = map;
    }
    return normalize(this.lower.get(lower));
  }
}

/** Number of values; an empty list counts as absent ("resolve to an empty data set"). */
export function countOf(v: ContextRead): number {
  if (v === undefined) return 0;
  return typeof v === 'string' ? 1 : v.length;
}

export function valueAt(v: ContextRead, i: number): string {
  if (typeof v === 'string') return v;
  return v === undefined ? '' : (v[i] ?? '');
}

export function toList(v: ContextRead): string[] | null {
  if (v === undefined) return null;
  return typeof v === 'string' ? [v] : [...v];
}
