// Typed model of an IAM trust policy (IAM User Guide, "Grammar of the IAM JSON policy language").
// The model keeps enough of the written shape to render a parsed policy back the way it was written:
// single value vs array, Statement object vs array, and every key it does not understand (with its
// original order) — nothing is ever dropped.

/** A JSON value kept verbatim. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** How a list was written: `"x"` (scalar) or `["x"]` (array). */
export type Shape = 'scalar' | 'array';

/** A string list such as Action or Resource, remembering how it was written. */
export interface ValueList {
  values: string[];
  shape: Shape;
}

export const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export interface PrincipalEntry {
  type: PrincipalType;
  values: ValueList;
}

/** `"*"` or `{ "AWS": …, "Federated": … }` (entries in written order). */
export type PrincipalValue = { kind: 'wildcard' } | { kind: 'map'; entries: PrincipalEntry[] };

/** AWS accepts JSON numbers and booleans as condition values and compares them as strings. */
export type ConditionScalar = string | number | boolean;

export interface ConditionEntry {
  key: string;
  values: ConditionScalar[];
  shape: Shape;
}

/** One operator of a Condition block with its keys, in written order. */
export interface ConditionBlock {
  operator: string;
  entries: ConditionEntry[];
}

export type Effect = 'Allow' | 'Deny';

export interface Statement {
  sid?: string;
  effect: Effect;
  principal?: PrincipalValue;
  notPrincipal?: PrincipalValue;
  action?: ValueList;
  notAction?: ValueList;
  resource?: ValueList;
  notResource?: ValueList;
  condition?: ConditionBlock[];
  /** Keys this model does not understand, verbatim and in their original order. */
  extra: Array<[string, JsonValue]>;
}

export interface Policy {
  version?: string;
  id?: string;
  statements: Statement[];
  /** `"Statement": {…}` (scalar) or `"Statement": [ … ]` (array). */
  statementShape: Shape;
  extra: Array<[string, JsonValue]>;
}

/** Policy language versions IAM accepts. Variables need 2012-10-17 (IAM User Guide, "Version"). */
export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
export const CURRENT_POLICY_VERSION = '2012-10-17';

/** A list made by code: one value renders as a scalar, several as an array. */
export function valueList(values: readonly string[]): ValueList {
  return { values: [...values], shape: values.length === 1 ? 'scalar' : 'array' };
}

export function conditionEntry(key: string, values: readonly ConditionScalar[]): ConditionEntry {
  return { key, values: [...values], shape: values.length === 1 ? 'scalar' : 'array' };
}

/** Deep copy, so fixes and builders never share mutable parts with their input. */
export function clonePolicy(policy: Policy): Policy {
  return {
    ...(policy.version !== undefined ? { version: policy.version } : {}),
    ...(policy.id !== undefined ? { id: policy.id } : {}),
    statements: policy.statements.map(cloneStatement),
    statementShape: policy.statementShape,
    extra: policy.extra.map(([k, v]) => [k, cloneJson(v)]),
  };
}

export function cloneStatement(statement: Statement): Statement {
  const out: Statement = { effect: statement.effect, extra: statement.extra.map(([k, v]) => [k, cloneJson(v)]) };
  if (statement.sid !== undefined) out.sid = statement.sid;
  if (statement.principal) out.principal = clonePrincipal(statement.principal);
  if (statement.notPrincipal) out.notPrincipal = clonePrincipal(statement.notPrincipal);
  if (statement.action) out.action = cloneList(statement.action);
  if (statement.notAction) out.notAction = cloneList(statement.notAction);
  if (statement.resource) out.resource = cloneList(statement.resource);
  if (statement.notResource) out.notResource = cloneList(statement.notResource);
  if (statement.condition) {
    out.condition = statement.condition.map((b) => ({
      operator: b.operator,
      entries: b.entries.map((e) => ({ key: e.key, values: [...e.values], shape: e.shape })),
    }));
  }
  return out;
}

function cloneList(list: ValueList): ValueList {
  return { values: [...list.values], shape: list.shape };
}

function clonePrincipal(p: PrincipalValue): PrincipalValue {
  return p.kind === 'wildcard' ? { kind: 'wildcard' } : { kind: 'map', entries: p.entries.map((e) => ({ type: e.type, values: cloneList(e.values) })) };
}

export function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) Object.defineProperty(out, key, { value: cloneJson(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
