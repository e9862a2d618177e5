// Structural check that an unknown value is a well-formed Policy model (as built by parsePolicy or
// the builder), so functions that accept either JSON or a model can tell them apart safely.
import { PRINCIPAL_TYPES, type Policy } from '../model';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isShape = (v: unknown) => v === 'scalar' || v === 'array';

function isList(v: unknown): boolean {
  return isObj(v) && isShape(v.shape) && Array.isArray(v.values) && v.values.every((x) => typeof x === 'string');
}

function isExtra(v: unknown): boolean {
  return Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string');
}

function isPrincipal(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.kind === 'wildcard') return true;
  return v.kind === 'map' && Array.isArray(v.entries) && v.entries.every((e) => isObj(e) && (PRINCIPAL_TYPES as readonly unknown[]).includes(e.type) && isList(e.values));
}

function isCondition(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every(
      (b) =>
        isObj(b) &&
        typeof b.operator === 'string' &&
        Array.isArray(b.entries) &&
        b.entries.every((e) => isObj(e) && typeof e.key === 'string' && isShape(e.shape) && Array.isArray(e.values) && e.values.every((x) => ['string', 'number', 'boolean'].includes(typeof x))),
    )
  );
}

function isStatement(v: unknown): boolean {
  if (!isObj(v) || (v.effect !== 'Allow' && v.effect !== 'Deny') || !isExtra(v.extra)) return false;
  if (v.sid !== undefined && typeof v.sid !== 'string') return false;
  for (const k of ['principal', 'notPrincipal'] as const) if (v[k] !== undefined && !isPrincipal(v[k])) return false;
  for (const k of ['action', 'notAction', 'resource', 'notResource'] as const) if (v[k] !== undefined && !isList(v[k])) return false;
  return v.condition === undefined || isCondition(v.condition);
}

export function isPolicyModel(v: unknown): v is Policy {
  return (
    isObj(v) &&
    Array.isArray(v.statements) &&
    v.statements.every(isStatement) &&
    isShape(v.statementShape) &&
    isExtra(v.extra) &&
    (v.version === undefined || typeof v.version === 'string') &&
    (v.id === undefined || typeof v.id === 'string')
  );
}
