// Explains one compiled condition: whether it holds and one sentence saying exactly why. Mirrors
// conditionHolds (compile-condition.ts) rule for rule; the property tests check they agree.
import { firstPositive, nullMatches, preparedFor, unresolvedVariables, type CompiledCondition, type Prepared } from './compile-condition';
import { countOf, toList, valueAt, type ContextRead, type ContextView } from './context-view';
import { listOf, q } from './describe';
import type { ParsedOperator } from './operators';

export interface ConditionTrace {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  key: string;
  policyValues: string[];
  /** Request values; null when the key is absent. */
  contextValues: string[] | null;
  matched: boolean;
  reason: string;
}

function variableNote(c: CompiledCondition, view: ContextView): string {
  const missing = new Set<string>();
  for (const v of c.values) for (const name of unresolvedVariables(v, view)) missing.add(name);
  if (missing.size === 0) return '';
  return ` (${[...missing].join(', ')} has no value in the request, so a policy value using it matches nothing)`;
}

/** Whether the condition holds, and one sentence saying exactly why. */
export function explainCondition(c: CompiledCondition, view: ContextView, read: ContextRead = view.get(c.key, c.lowerKey)): { matched: boolean; reason: string } {
  const op = c.op;
  if (op === null) return { matched: false, reason: `${c.unknownReason}, so this condition never matches.` };
  const n = countOf(read);
  if (op.info.family === 'null') {
    const matched = nullMatches(c.prepared, n === 0);
    if (n === 0) return { matched, reason: matched ? `${absent(c, read, view)}, and Null "true" requires that.` : `${absent(c, read, view)}, but Null "false" requires the key to exist.` };
    return { matched, reason: matched ? `${q(c.key)} is present, and Null "false" requires that.` : `${q(c.key)} is present, but Null "true" requires it to be absent.` };
  }
  if (n === 0) {
    if (op.ifExists) return { matched: true, reason: `${absent(c, read, view)}; …IfExists treats a missing key as a match.` };
    if (op.qualifier === 'ForAllValues') return { matched: true, reason: `${absent(c, read, view)}; ForAllValues is true when the request has no values for the key.` };
    if (op.qualifier === 'ForAnyValue') return { matched: false, reason: `${absent(c, read, view)}; ForAnyValue is false when the request has no values for the key.` };
    if (op.info.negated) return { matched: true, reason: `${absent(c, read, view)}; the negated operator ${op.base} matches a missing key.` };
    return { matched: false, reason: `${absent(c, read, view)}, so ${op.base} cannot match.` };
  }
  if (op.qualifier === null && n !== 1) {
    return { matched: false, reason: `${q(c.key)} has ${n} values in the request; without ForAnyValue: or ForAllValues: a multivalued key does not match.` };
  }
  const prepared = c.dynamic ? preparedFor(c, view) : c.prepared;
  const listed = c.dynamic ? listOf(prepared, c.values) : c.text.values;
  const note = c.dynamic ? variableNote(c, view) : '';
  const negated = op.info.negated;
  if (op.qualifier === null) {
    const value = valueAt(read, 0);
    const hit = firstPositive(op.info, prepared, value);
    if (hit < 0) return { matched: negated, reason: `${q(value)} ${c.text.no} ${listed}${note}.` };
    const shown = `${q(value)} ${c.text.yes} ${q(prepared[hit]?.shown ?? '')}`;
    return negated ? { matched: false, reason: `${shown}, and ${op.base} requires that it does not${note}.` } : { matched: true, reason: `${shown}${note}.` };
  }
  const results: Array<{ ok: boolean; text: string }> = [];
  for (let i = 0; i < n; i++) results.push(judgeOne(c, op, prepared, listed, valueAt(read, i)));
  if (op.qualifier === 'ForAnyValue') {
    const hit = results.find((r) => r.ok);
    if (hit) return { matched: true, reason: `${hit.text}; ForAnyValue needs one request value to match${note}.` };
    return { matched: false, reason: `no request value satisfies ${op.base}: ${results.map((r) => r.text).join('; ')}${note}.` };
  }
  const miss = results.find((r) => !r.ok);
  if (miss) return { matched: false, reason: `${miss.text}; ForAllValues needs every request value to match${note}.` };
  return { matched: true, reason: `every request value satisfies ${op.base}: ${results.map((r) => r.text).join('; ')}${note}.` };
}

function judgeOne(c: CompiledCondition, op: ParsedOperator, prepared: ReadonlyArray<Prepared | null>, listed: string, value: string): { ok: boolean; text: string } {
  const hit = firstPositive(op.info, prepared, value);
  if (hit < 0) return { ok: op.info.negated, text: `${q(value)} ${c.text.no} ${listed}` };
  const text = `${q(value)} ${c.text.yes} ${q(prepared[hit]?.shown ?? '')}`;
  return op.info.negated ? { ok: false, text: `${text}, and ${op.base} requires that it does not` } : { ok: true, text };
}

/**
 * The failure sentence for the common case — no variables, no set operator, a single request value,
 * a positive operator that did not match — built from precomputed parts; null for other cases.
 */
export function quickFailureReason(c: CompiledCondition, value: string): string | null {
  const op = c.op;
  if (op === null || c.dynamic || op.qualifier !== null || op.info.negated || op.info.family === 'null') return null;
  if (firstPositive(op.info, c.prepared, value) >= 0) return null;
  return `${q(value)}${c.text.noValues}`;
}

function absent(c: CompiledCondition, read: ContextRead, view: ContextView): string {
  if (read === undefined) return `${q(c.key)} is not in the request`;
  const nulled = view.nulled(c.key, c.lowerKey);
  if (nulled === 'value') return `${q(c.key)} is an empty string, which AWS treats as null (no value)`;
  if (nulled === 'list') return `${q(c.key)} has only empty strings, which AWS treats as null (no value)`;
  return `${q(c.key)} has no values (an empty set counts as absent)`;
}

export function traceCondition(c: CompiledCondition, view: ContextView): ConditionTrace {
  const read = view.get(c.key, c.lowerKey);
  const { matched, reason } = explainCondition(c, view, read);
  return { operator: c.operator, key: c.key, policyValues: [...c.policyValues], contextValues: toList(read), matched, reason };
}
