// Semantic comparison of two IAM policy documents (ours vs what IAM returns), for drift detection.
// Rules (IAM User Guide, "IAM JSON policy elements reference" and "Policy evaluation logic"):
// - GetRole returns AssumeRolePolicyDocument URL-encoded (RFC 3986); decodePolicyDocument undoes it.
// - Key order never matters. A single value and a one-element array are the same list.
// - Statement order does not matter (every statement is evaluated; explicit Deny wins wherever it is).
// - Sid is an optional identifier with no effect on evaluation: ignored.
// - A missing Version means 2008-10-17, which is NOT the same as 2012-10-17 (policy variables).
// - "Principal": "*" equals {"AWS": "*"}; principal values, Action, Resource and condition values are
//   sets (OR across values); Action names are case-insensitive; condition key names are
//   case-insensitive, their values are not; numbers and booleans compare as their string forms.

export interface Difference {
  /** Where, e.g. `trustPolicy.Statement[0].Condition.StringLike["host/oidc/x:sub"]`. */
  path: string;
  ours: unknown;
  aws: unknown;
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Canon = { [key: string]: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The policy text IAM returns (URL-encoded) or plain JSON text → parsed JSON, or null when it is
 * neither. Plain JSON is tried first: decoding it would turn a literal "%3A" in a value into ":".
 */
export function decodePolicyDocument(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // URL-encoded, or not JSON
  }
  try {
    return JSON.parse(decodeURIComponent(text)) as unknown;
  } catch {
    return null;
  }
}

function scalarString(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A list of scalars as a sorted set of strings. */
function stringSet(value: unknown, fold = false): string[] {
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((v) => (fold ? scalarString(v).toLowerCase() : scalarString(v))))].sort();
}

/** Stable JSON with sorted keys, for comparing anything that has no IAM meaning to us. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function principal(value: unknown): unknown {
  if (value === '*') return { AWS: ['*'] };
  if (!isRecord(value)) return value;
  const out: Canon = {};
  for (const key of Object.keys(value).sort()) out[key] = stringSet(value[key]);
  return out;
}

function condition(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Canon = {};
  for (const operator of Object.keys(value).sort()) {
    const block = value[operator];
    if (!isRecord(block)) {
      out[operator] = block;
      continue;
    }
    const keys: Canon = {};
    for (const key of Object.keys(block)) keys[key.toLowerCase()] = stringSet(block[key]);
    out[operator] = keys;
  }
  return out;
}

const STATEMENT_FIELDS: Record<string, (v: unknown) => unknown> = {
  Effect: (v) => v,
  Principal: principal,
  NotPrincipal: principal,
  Action: (v) => stringSet(v, true),
  NotAction: (v) => stringSet(v, true),
  Resource: (v) => stringSet(v),
  NotResource: (v) => stringSet(v),
  Condition: condition,
};

/** Canonical form of one statement (Sid dropped); unknown keys are kept verbatim. */
export function canonicalStatement(statement: unknown): Canon {
  if (!isRecord(statement)) return { $invalid: statement };
  const out: Canon = {};
  for (const key of Object.keys(statement).sort()) {
    if (key === 'Sid') continue;
    const canon = STATEMENT_FIELDS[key];
    out[key] = canon ? canon(statement[key]) : statement[key];
  }
  return out;
}

function statementsOf(policy: Record<string, unknown>): unknown[] {
  const s = policy.Statement;
  if (s === undefined) return [];
  return Array.isArray(s) ? s : [s];
}

function versionOf(policy: Record<string, unknown>): unknown {
  return policy.Version === undefined ? '2008-10-17' : policy.Version;
}

/** True when IAM would treat both documents the same. */
export function policiesEquivalent(ours: unknown, aws: unknown): boolean {
  return comparePolicies(ours, aws).length === 0;
}

const keyPath = (base: string, key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);

function compareConditions(ours: unknown, aws: unknown, base: string, out: Difference[]): void {
  const a = isRecord(ours) ? ours : {};
  const b = isRecord(aws) ? aws : {};
  if (!isRecord(ours) && ours !== undefined) out.push({ path: base, ours, aws, message: 'The Condition block differs.' });
  for (const operator of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const ka = isRecord(a[operator]) ? (a[operator] as Canon) : {};
    const kb = isRecord(b[operator]) ? (b[operator] as Canon) : {};
    for (const key of [...new Set([...Object.keys(ka), ...Object.keys(kb)])].sort()) {
      const va = ka[key];
      const vb = kb[key];
      if (stable(va) === stable(vb)) continue;
      const path = keyPath(keyPath(base, operator), key);
      const message = va === undefined ? `AWS has a ${operator} condition on ${key} that the record does not.` : vb === undefined ? `The ${operator} condition on ${key} is missing in AWS.` : `The ${operator} condition on ${key} has other values in AWS.`;
      out.push({ path, ours: va ?? null, aws: vb ?? null, message });
    }
  }
}

function compareStatement(ours: Canon, aws: Canon, base: string, out: Difference[]): void {
  for (const field of [...new Set([...Object.keys(ours), ...Object.keys(aws)])].sort()) {
    if (stable(ours[field]) === stable(aws[field])) continue;
    if (field === 'Condition') {
      compareConditions(ours.Condition, aws.Condition, `${base}.Condition`, out);
      continue;
    }
    out.push({ path: `${base}.${field}`, ours: ours[field] ?? null, aws: aws[field] ?? null, message: `${field} differs.` });
  }
}

/**
 * The semantic differences between our policy and AWS's, with paths under `base`
 * (`trustPolicy` by default); [] when IAM would treat them the same.
 */
export function comparePolicies(ours: unknown, aws: unknown, base = 'trustPolicy'): Difference[] {
  if (!isRecord(ours) || !isRecord(aws)) {
    return stable(ours) === stable(aws) ? [] : [{ path: base, ours: ours as Json, aws: aws as Json, message: 'The policy in AWS is not a JSON object like the record’s.' }];
  }
  const out: Difference[] = [];
  if (versionOf(ours) !== versionOf(aws)) out.push({ path: `${base}.Version`, ours: versionOf(ours), aws: versionOf(aws), message: 'The policy language version differs.' });
  for (const key of [...new Set([...Object.keys(ours), ...Object.keys(aws)])].sort()) {
    if (key === 'Version' || key === 'Statement') continue;
    if (stable(ours[key]) !== stable(aws[key])) out.push({ path: `${base}.${key}`, ours: ours[key] ?? null, aws: aws[key] ?? null, message: `${key} differs.` });
  }
  const a = statementsOf(ours).map((s, index) => ({ index, canon: canonicalStatement(s), key: stable(canonicalStatement(s)) }));
  const b = statementsOf(aws).map((s, index) => ({ index, canon: canonicalStatement(s), key: stable(canonicalStatement(s)) }));
  // Equal statements match whatever their position; the rest are paired in written order.
  const unmatchedB = [...b];
  const unmatchedA = a.filter((s) => {
    const at = unmatchedB.findIndex((t) => t.key === s.key);
    if (at < 0) return true;
    unmatchedB.splice(at, 1);
    return false;
  });
  const pairs = Math.min(unmatchedA.length, unmatchedB.length);
  for (let i = 0; i < pairs; i++) {
    const x = unmatchedA[i] as (typeof a)[number];
    const y = unmatchedB[i] as (typeof b)[number];
    compareStatement(x.canon, y.canon, `${base}.Statement[${x.index}]`, out);
  }
  for (const x of unmatchedA.slice(pairs)) out.push({ path: `${base}.Statement[${x.index}]`, ours: statementsOf(ours)[x.index] as Json, aws: null, message: 'This statement is missing in AWS.' });
  for (const y of unmatchedB.slice(pairs)) out.push({ path: `${base}.Statement`, ours: null, aws: statementsOf(aws)[y.index] as Json, message: 'AWS has a statement the record does not.' });
  return out;
}
