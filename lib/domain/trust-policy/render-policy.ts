// Renders the model as IAM JSON: deterministic, minimal by default, two-space indented with
// `pretty`. Order: Version, Id, Statement, then unknown keys as written; inside a statement: Sid,
// Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition, then unknown
// keys as written. Lists keep their written shape (scalar vs array); a scalar-shaped list with several
// values renders as an array. Invariant: renderPolicy(parse(renderPolicy(p))) === renderPolicy(p).
import type { ConditionBlock, JsonValue, Policy, PrincipalValue, Shape, Statement, ValueList } from './model';
import { arr, obj, val, write, type OutNode } from './internal/json-writer';

export interface RenderOptions {
  pretty?: boolean;
}

function list(values: readonly JsonValue[], shape: Shape): OutNode {
  if (shape === 'scalar' && values.length === 1) return val(values[0] as JsonValue);
  return arr(values.map(val));
}

function valueList(l: ValueList): OutNode {
  return list(l.values, l.shape);
}

function principal(p: PrincipalValue): OutNode {
  if (p.kind === 'wildcard') return val('*');
  return obj(p.entries.map((e) => [e.type, valueList(e.values)]));
}

function condition(blocks: readonly ConditionBlock[]): OutNode {
  return obj(blocks.map((b) => [b.operator, obj(b.entries.map((e) => [e.key, list(e.values, e.shape)]))]));
}

function statement(s: Statement): OutNode {
  const entries: Array<[string, OutNode]> = [];
  if (s.sid !== undefined) entries.push(['Sid', val(s.sid)]);
  entries.push(['Effect', val(s.effect)]);
  if (s.principal) entries.push(['Principal', principal(s.principal)]);
  if (s.notPrincipal) entries.push(['NotPrincipal', principal(s.notPrincipal)]);
  if (s.action) entries.push(['Action', valueList(s.action)]);
  if (s.notAction) entries.push(['NotAction', valueList(s.notAction)]);
  if (s.resource) entries.push(['Resource', valueList(s.resource)]);
  if (s.notResource) entries.push(['NotResource', valueList(s.notResource)]);
  if (s.condition) entries.push(['Condition', condition(s.condition)]);
  for (const [k, v] of s.extra) entries.push([k, val(v)]);
  return obj(entries);
}

export function policyNode(policy: Policy): OutNode {
  const entries: Array<[string, OutNode]> = [];
  if (policy.version !== undefined) entries.push(['Version', val(policy.version)]);
  if (policy.id !== undefined) entries.push(['Id', val(policy.id)]);
  const statements = policy.statements.map(statement);
  entries.push(['Statement', policy.statementShape === 'scalar' && statements.length === 1 ? (statements[0] as OutNode) : arr(statements)]);
  for (const [k, v] of policy.extra) entries.push([k, val(v)]);
  return obj(entries);
}

export function renderPolicy(policy: Policy, options: RenderOptions = {}): string {
  return write(policyNode(policy), options.pretty === true);
}

export function renderStatement(s: Statement, options: RenderOptions = {}): string {
  return write(statement(s), options.pretty === true);
}
