// Compiles one `operator → key → values` triple into a matcher (explain-condition.ts says why it held).
// Rules (IAM User Guide, "Condition operators" and "Conditions with multiple context keys or values"):
// - values of one key are ORed; for a negated operator they are NORed;
// - a missing key makes a condition false, except: negated operators are true, `...IfExists` is true,
//   `ForAllValues` is true ("It also returns true if there are no context keys in the request"),
//   `ForAnyValue` is false ("if the key does not exist, the condition returns false");
// - Null: "true (the key doesn't exist — it is null) or false (the key exists and its value is not null)";
// - an empty list of request values counts as a missing key ("resolve to an empty data set");
// - an empty string in a key the user defines (a tag) is null, i.e. no value (context-view.ts);
// - a key with several request values and no set operator never matches ("Multivalued context keys
//   require a condition set operator");
// - an unknown operator never matches.
import { compileArn, arnMatches, type ArnMatcher } from './arn';
import { countOf, valueAt, type ContextRead, type ContextView } from './context-view';
import { listOf, verbs } from './describe';
import { cidrContains, parseCidr, type Cidr } from './ip';
import { allowsVariables, parseOperator, type OperatorInfo, type ParsedOperator } from './operators';
import { hasVariables, splitVariables, type Piece } from './policy-variables';
import { parseBase64, parseBool, parseDate, parseNumber } from './values';
import { compileRuns, matches, type Matcher, type PatternRun } from './wildcard';

export type Prepared =
  | { t: 'match'; m: Matcher; shown: string }
  | { t: 'lower'; s: string; shown: string }
  | { t: 'arn'; m: ArnMatcher; shown: string }
  | { t: 'num'; n: number | null; shown: string }
  | { t: 'date'; n: number | null; shown: string }
  | { t: 'bool'; b: boolean | null; shown: string }
  | { t: 'ip'; c: Cidr | null; shown: string }
  | { t: 'bin'; s: string | null; shown: string };

export interface CompiledValue {
  written: string;
  /** Set when the value contains policy variables; resolved per request. */
  pieces: Piece[] | null;
}

export interface CompiledCondition {
  operator: string;
  key: string;
  lowerKey: string;
  op: ParsedOperator | null;
  unknownReason: string;
  values: CompiledValue[];
  policyValues: string[];
  dynamic: boolean;
  /** Prepared values when none contains a variable. */
  prepared: Array<Prepared | null>;
  /** Precomputed text for explanations. */
  text: { yes: string; no: string; values: string; noValues: string };
}

function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function prepare(info: OperatorInfo, runs: readonly PatternRun[]): Prepared {
  let text = '';
  for (const r of runs) text += r.text;
  switch (info.family) {
    case 'string':
      if (info.comparison === 'like') return { t: 'match', m: compileRuns(runs), shown: text };
      if (info.comparison === 'equalsIgnoreCase') return { t: 'lower', s: text.toLowerCase(), shown: text };
      return { t: 'match', m: compileRuns(runs.map((r) => ({ wild: false, text: r.text }))), shown: text };
    case 'arn':
      return { t: 'arn', m: compileArn(runs), shown: text };
    case 'numeric':
      return { t: 'num', n: parseNumber(text), shown: text };
    case 'date':
      return { t: 'date', n: parseDate(text), shown: text };
    case 'bool':
    case 'null':
      return { t: 'bool', b: parseBool(text), shown: text };
    case 'ip':
      return { t: 'ip', c: parseCidr(text), shown: text };
    case 'binary':
      return { t: 'bin', s: parseBase64(text), shown: text };
  }
}

/**
 * `variablesEnabled`: policy Version is 2012-10-17 ("If you don't include the Version element ...
 * variables like ${aws:username} are treated as literal strings in the policy").
 */
export function compileCondition(operator: string, key: string, rawValues: readonly unknown[], variablesEnabled: boolean): CompiledCondition {
  const parsed = parseOperator(operator);
  const op = parsed.ok ? parsed.operator : null;
  const values: CompiledValue[] = [];
  const policyValues: string[] = [];
  for (const raw of rawValues) {
    const written = scalarText(raw);
    if (written === null) continue;
    policyValues.push(written);
    let pieces: Piece[] | null = null;
    if (op && variablesEnabled && allowsVariables(op.info.family)) {
      const split = splitVariables(written);
      if (split.some((p) => p.t !== 'text')) pieces = split;
    }
    values.push({ written, pieces });
  }
  const dynamic = values.some((v) => v.pieces !== null && hasVariables(v.pieces));
  const prepared: Array<Prepared | null> = [];
  if (op && !dynamic) for (const v of values) prepared.push(prepare(op.info, runsOf(v, null)));
  const v = op ? verbs(op.info) : { yes: 'matches', no: 'does not match' };
  return {
    operator,
    key,
    lowerKey: key.toLowerCase(),
    op,
    unknownReason: parsed.ok ? '' : parsed.reason,
    values,
    policyValues,
    dynamic,
    prepared,
    text: { ...v, values: dynamic ? '' : listOf(prepared, values), noValues: dynamic ? '' : ` ${v.no} ${listOf(prepared, values)}.` },
  };
}

/** Runs of a value; with a view, variables are resolved (null when one has no value). */
function runsOf(v: CompiledValue, view: ContextView | null): PatternRun[] {
  if (v.pieces === null) return [{ wild: true, text: v.written }];
  const runs: PatternRun[] = [];
  for (const p of v.pieces) {
    if (p.t === 'text') runs.push({ wild: true, text: p.s });
    else if (p.t === 'lit') runs.push({ wild: false, text: p.s });
    else runs.push({ wild: false, text: view ? (resolveVariable(p, view) ?? '') : '' });
  }
  return runs;
}

function resolveVariable(p: Extract<Piece, { t: 'var' }>, view: ContextView): string | null {
  const read = view.get(p.key, p.lower);
  // "You can use any single-valued condition key as a variable."
  if (countOf(read) === 1) return valueAt(read, 0);
  return p.fallback;
}

export function unresolvedVariables(v: CompiledValue, view: ContextView): string[] {
  if (v.pieces === null) return [];
  const out: string[] = [];
  for (const p of v.pieces) if (p.t === 'var' && resolveVariable(p, view) === null) out.push(`\${${p.key}}`);
  return out;
}

export function preparedFor(c: CompiledCondition, view: ContextView): Array<Prepared | null> {
  if (!c.dynamic) return c.prepared;
  const op = c.op as ParsedOperator;
  return c.values.map((v) => (unresolvedVariables(v, view).length > 0 ? null : prepare(op.info, runsOf(v, view))));
}

function compare(info: OperatorInfo, a: number, b: number): boolean {
  switch (info.comparison) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    default:
      return a === b;
  }
}

/** The positive comparison of one request value with one policy value. */
function positive(info: OperatorInfo, p: Prepared, v: string): boolean {
  switch (p.t) {
    case 'match':
      return matches(p.m, v);
    case 'lower':
      return v.toLowerCase() === p.s;
    case 'arn':
      return arnMatches(p.m, v);
    case 'num': {
      if (p.n === null) return false;
      const n = parseNumber(v);
      return n !== null && compare(info, n, p.n);
    }
    case 'date': {
      if (p.n === null) return false;
      const n = parseDate(v);
      return n !== null && compare(info, n, p.n);
    }
    case 'bool': {
      const b = parseBool(v);
      return p.b !== null && b === p.b;
    }
    case 'ip': {
      if (p.c === null) return false;
      const a = parseCidr(v);
      return a !== null && cidrContains(p.c, a);
    }
    case 'bin': {
      if (p.s === null) return false;
      return parseBase64(v) === p.s;
    }
  }
}

export function firstPositive(info: OperatorInfo, prepared: ReadonlyArray<Prepared | null>, v: string): number {
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i];
    if (p != null && positive(info, p, v)) return i;
  }
  return -1;
}

export function nullMatches(prepared: ReadonlyArray<Prepared | null>, absent: boolean): boolean {
  for (const p of prepared) if (p != null && p.t === 'bool' && p.b === absent) return true;
  return false;
}

/** Fast path: no trace. */
export function conditionHolds(c: CompiledCondition, view: ContextView): boolean {
  const op = c.op;
  if (op === null) return false;
  const read: ContextRead = view.get(c.key, c.lowerKey);
  const n = countOf(read);
  if (op.info.family === 'null') return nullMatches(c.prepared, n === 0);
  if (n === 0) return op.ifExists || op.qualifier === 'ForAllValues' || (op.qualifier === null && op.info.negated);
  if (op.qualifier === null && n !== 1) return false;
  const prepared = c.dynamic ? preparedFor(c, view) : c.prepared;
  const negated = op.info.negated;
  if (op.qualifier === 'ForAllValues') {
    for (let i = 0; i < n; i++) if ((firstPositive(op.info, prepared, valueAt(read, i)) >= 0) === negated) return false;
    return true;
  }
  for (let i = 0; i < n; i++) if ((firstPositive(op.info, prepared, valueAt(read, i)) >= 0) !== negated) return true;
  return false;
}

/** True when `value` satisfies the positive comparison with any policy value (used for Resource). */
export function anyValueMatches(c: CompiledCondition, view: ContextView, value: string): boolean {
  if (c.op === null) return false;
  return firstPositive(c.op.info, c.dynamic ? preparedFor(c, view) : c.prepared, value) >= 0;
}
