// Reads statements (and their principals, lists and conditions) from JSON nodes into the model,
// recording every problem on the Reader with its code and path. Used by parsePolicy.
import { PRINCIPAL_TYPES, type ConditionBlock, type ConditionScalar, type PrincipalEntry, type PrincipalType, type PrincipalValue, type Statement, type ValueList } from '../model';
import type { PolicyError, PolicyErrorCode } from '../parse-policy';
import { parseCidr } from './ip';
import { lineColumn, nodeToJson, type JsonNode } from './json-reader';
import { parseOperator } from './operators';
import { formatPath, type PathSegment } from './path';
import { containsVariable } from './policy-variables';
import { parseBase64, parseBool, parseDate, parseNumber } from './values';

export class Reader {
  readonly errors: PolicyError[] = [];
  constructor(private readonly text: string | null) {}

  error(code: PolicyErrorCode, message: string, path: readonly PathSegment[], node?: { offset: number }): void {
    const e: PolicyError = { code, message, path: formatPath(path) };
    if (this.text !== null && node && node.offset >= 0) {
      const { line, column } = lineColumn(this.text, node.offset);
      e.line = line;
      e.column = column;
      e.offset = node.offset;
    }
    this.errors.push(e);
  }
}

function stringList(node: JsonNode): ValueList | null {
  if (node.kind === 'string') return { values: [node.value], shape: 'scalar' };
  if (node.kind !== 'array' || node.items.length === 0) return null;
  const values: string[] = [];
  for (const item of node.items) {
    if (item.kind !== 'string') return null;
    values.push(item.value);
  }
  return { values, shape: 'array' };
}

function readPrincipal(r: Reader, node: JsonNode, path: PathSegment[], element: string): PrincipalValue | null {
  if (node.kind === 'string') {
    if (node.value === '*') return { kind: 'wildcard' };
    r.error('invalid_principal', `${element} must be "*" or an object such as {"Federated": "arn:aws:iam::111122223333:oidc-provider/…"}.`, path, node);
    return null;
  }
  if (node.kind !== 'object' || node.entries.length === 0) {
    r.error('invalid_principal', `${element} must be "*" or an object with AWS, Federated, Service or CanonicalUser.`, path, node);
    return null;
  }
  const entries: PrincipalEntry[] = [];
  let ok = true;
  for (const e of node.entries) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(e.key)) {
      r.error('invalid_principal', `${JSON.stringify(e.key)} is not a principal type (AWS, Federated, Service or CanonicalUser).`, [...path, e.key], e);
      ok = false;
      continue;
    }
    const values = stringList(e.value);
    if (!values || values.values.some((v) => v.length === 0)) {
      r.error('invalid_principal', `${element}.${e.key} must be a non-empty string or a non-empty array of strings.`, [...path, e.key], e.value);
      ok = false;
      continue;
    }
    entries.push({ type: e.key as PrincipalType, values });
  }
  return ok ? { kind: 'map', entries } : null;
}

function checkConditionValue(r: Reader, family: string, value: ConditionScalar, operator: string, path: PathSegment[], node: JsonNode): void {
  const text = String(value);
  const bad = (what: string) => r.error('invalid_condition_value', `${JSON.stringify(text)} is not ${what}, as ${operator} requires.`, path, node);
  switch (family) {
    case 'numeric':
      if (parseNumber(text) === null) bad('a number');
      break;
    case 'date':
      if (parseDate(text) === null) bad('an ISO 8601 date or epoch time');
      break;
    case 'bool':
    case 'null':
      if (parseBool(text) === null) bad('"true" or "false"');
      break;
    case 'ip':
      if (parseCidr(text) === null) bad('an IP address or CIDR range');
      break;
    case 'binary':
      if (parseBase64(text) === null) bad('base64');
      break;
    default:
      break;
  }
}

function readCondition(r: Reader, node: JsonNode, path: PathSegment[]): ConditionBlock[] | null {
  if (node.kind !== 'object') {
    r.error('invalid_condition', 'Condition must be an object of operator → { key → value(s) }.', path, node);
    return null;
  }
  const blocks: ConditionBlock[] = [];
  let ok = true;
  for (const op of node.entries) {
    const opPath = [...path, op.key];
    const parsed = parseOperator(op.key);
    if (!parsed.ok) {
      r.error('invalid_condition_operator', `${parsed.reason}.`, opPath, op);
      ok = false;
      continue;
    }
    if (op.value.kind !== 'object' || op.value.entries.length === 0) {
      r.error('invalid_condition', `${op.key} must map at least one condition key to its value(s).`, opPath, op.value);
      ok = false;
      continue;
    }
    const block: ConditionBlock = { operator: op.key, entries: [] };
    for (const k of op.value.entries) {
      const keyPath = [...opPath, k.key];
      if (k.key.trim().length === 0) {
        r.error('invalid_condition_key', 'A condition key cannot be empty.', keyPath, k);
        ok = false;
        continue;
      }
      const items = k.value.kind === 'array' ? k.value.items : [k.value];
      if (items.length === 0) {
        r.error('invalid_condition_value', `${k.key} needs at least one value.`, keyPath, k.value);
        ok = false;
        continue;
      }
      const values: ConditionScalar[] = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as JsonNode;
        const itemPath = k.value.kind === 'array' ? [...keyPath, i] : keyPath;
        if (item.kind !== 'string' && item.kind !== 'number' && item.kind !== 'boolean') {
          r.error('invalid_condition_value', 'Condition values must be strings, numbers or booleans.', itemPath, item);
          ok = false;
          continue;
        }
        const family = parsed.operator.info.family;
        const variable = (family === 'string' || family === 'arn') && item.kind === 'string' && containsVariable(item.value);
        if (!variable) checkConditionValue(r, family, item.value, op.key, itemPath, item);
        values.push(item.value);
      }
      block.entries.push({ key: k.key, values, shape: k.value.kind === 'array' ? 'array' : 'scalar' });
    }
    blocks.push(block);
  }
  return ok ? blocks : null;
}

export function readStatement(r: Reader, node: JsonNode, path: PathSegment[], sids: Map<string, string>): Statement | null {
  if (node.kind !== 'object') {
    r.error('invalid_statement', 'Each statement must be an object.', path, node);
    return null;
  }
  const before = r.errors.length;
  const s: Partial<Statement> & { extra: Statement['extra'] } = { extra: [] };
  const present = new Set(node.entries.map((e) => e.key));
  const list = (key: 'Action' | 'NotAction' | 'Resource' | 'NotResource', code: 'invalid_action' | 'invalid_resource', e: { value: JsonNode }, p: PathSegment[]) => {
    const v = stringList(e.value);
    if (!v || v.values.some((x) => x.length === 0)) r.error(code, `${key} must be a non-empty string or a non-empty array of non-empty strings.`, p, e.value);
    return v ?? undefined;
  };
  for (const e of node.entries) {
    const p = [...path, e.key];
    switch (e.key) {
      case 'Sid':
        if (e.value.kind !== 'string') r.error('invalid_sid', 'Sid must be a string.', p, e.value);
        else {
          const seen = sids.get(e.value.value);
          if (seen !== undefined) r.error('duplicate_sid', `Sid ${JSON.stringify(e.value.value)} is already used by ${seen}; Sid values must be unique within a policy.`, p, e.value);
          else sids.set(e.value.value, formatPath(path));
          s.sid = e.value.value;
        }
        break;
      case 'Effect':
        if (e.value.kind === 'string' && (e.value.value === 'Allow' || e.value.value === 'Deny')) s.effect = e.value.value;
        else r.error('invalid_effect', `Effect must be "Allow" or "Deny" (case-sensitive), not ${JSON.stringify(nodeToJson(e.value))}.`, p, e.value);
        break;
      case 'Principal':
      case 'NotPrincipal': {
        if (e.key === 'NotPrincipal' && present.has('Principal')) {
          r.error('both_principal_and_notprincipal', 'A statement cannot have both Principal and NotPrincipal.', p, e);
          break;
        }
        const v = readPrincipal(r, e.value, p, e.key);
        if (v) s[e.key === 'Principal' ? 'principal' : 'notPrincipal'] = v;
        break;
      }
      case 'Action':
      case 'NotAction':
        if (e.key === 'NotAction' && present.has('Action')) {
          r.error('both_action_and_notaction', 'A statement cannot have both Action and NotAction.', p, e);
          break;
        }
        s[e.key === 'Action' ? 'action' : 'notAction'] = list(e.key, 'invalid_action', e, p);
        break;
      case 'Resource':
      case 'NotResource':
        if (e.key === 'NotResource' && present.has('Resource')) {
          r.error('both_resource_and_notresource', 'A statement cannot have both Resource and NotResource.', p, e);
          break;
        }
        s[e.key === 'Resource' ? 'resource' : 'notResource'] = list(e.key, 'invalid_resource', e, p);
        break;
      case 'Condition': {
        const c = readCondition(r, e.value, p);
        if (c) s.condition = c;
        break;
      }
      default:
        s.extra.push([e.key, nodeToJson(e.value)]);
    }
  }
  if (!present.has('Effect')) r.error('missing_effect', 'The statement has no Effect ("Allow" or "Deny").', path, node);
  if (!present.has('Action') && !present.has('NotAction')) r.error('missing_action', 'The statement has no Action or NotAction.', path, node);
  if (r.errors.length !== before || s.effect === undefined) return null;
  for (const k of ['action', 'notAction', 'resource', 'notResource', 'principal', 'notPrincipal'] as const) if (s[k] === undefined) delete s[k];
  return s as Statement;
}
