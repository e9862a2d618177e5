// Wording shared by traces and one-line reasons: quoting, comparison verbs, value lists.
import type { CompiledValue, Prepared } from './compile-condition';
import type { OperatorInfo } from './operators';

/** JSON-style quoting, without JSON.stringify for the common plain case. */
export function q(s: string): string {
  return /^[^"\\\u0000-\u001f\u2028\u2029]*$/.test(s) ? `"${s}"` : JSON.stringify(s);
}

export function verbs(info: OperatorInfo): { yes: string; no: string } {
  const date = info.family === 'date';
  switch (info.comparison) {
    case 'like':
      return { yes: 'matches', no: 'does not match' };
    case 'equalsIgnoreCase':
      return { yes: 'equals (ignoring case)', no: 'does not equal (ignoring case)' };
    case 'lt':
      return date ? { yes: 'is before', no: 'is not before' } : { yes: 'is less than', no: 'is not less than' };
    case 'lte':
      return date ? { yes: 'is at or before', no: 'is not at or before' } : { yes: 'is at most', no: 'is not at most' };
    case 'gt':
      return date ? { yes: 'is after', no: 'is not after' } : { yes: 'is greater than', no: 'is not greater than' };
    case 'gte':
      return date ? { yes: 'is at or after', no: 'is not at or after' } : { yes: 'is at least', no: 'is not at least' };
    case 'equals':
      if (info.family === 'ip') return { yes: 'is in', no: 'is not in' };
      if (info.family === 'bool') return { yes: 'is', no: 'is not' };
      return { yes: 'equals', no: 'does not equal' };
  }
}

export function listOf(prepared: ReadonlyArray<Prepared | null>, values: readonly CompiledValue[]): string {
  const shown = prepared.map((p, i) => (p ? q(p.shown) : `${q(values[i]?.written ?? '')} (unresolved)`));
  if (shown.length === 1) return shown[0] ?? '';
  return `any of ${shown.join(', ')}`;
}
