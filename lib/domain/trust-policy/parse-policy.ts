// Reads an IAM trust policy (JSON text or an already-parsed value) into the model, or reports every
// problem with a stable code, a message and a JSON path (plus line/column for JSON text).
// Rules (IAM User Guide, "Grammar of the IAM JSON policy language" and "IAM JSON policy elements"):
// - Statement is one object or an array of objects, and is required;
// - Effect is required and case-sensitive: "Allow" or "Deny";
// - a statement needs Action or NotAction, never both; Principal/NotPrincipal and
//   Resource/NotResource are mutually exclusive too;
// - "Individual elements must not contain multiple instances of the same key";
// - Version is "2012-10-17" or "2008-10-17"; Sid values are unique within a policy;
// - condition operators must exist; their values are strings, numbers or booleans (or arrays of them)
//   that fit the operator family (numbers, dates, booleans, CIDRs, base64).
// Keys the model does not know are kept verbatim, in order.
import { POLICY_VERSIONS, PRINCIPAL_TYPES, type ConditionBlock, type ConditionScalar, type Policy, type PrincipalEntry, type PrincipalType, type PrincipalValue, type Statement, type ValueList } from './model';
import { lineColumn, nodeToJson, readJsonText, readJsonValue, type JsonNode, type JsonReadErrorCode } from './internal/json-reader';
import { parseOperator } from './internal/operators';
import { formatPath, type PathSegment } from './internal/path';
import { containsVariable } from './internal/policy-variables';
import { parseCidr } from './internal/ip';
import { parseBase64, parseBool, parseDate, parseNumber } from './internal/values';

export type PolicyErrorCode =
  | JsonReadErrorCode
  | 'not_an_object'
  | 'missing_statement'
  | 'invalid_statement'
  | 'empty_statement'
  | 'invalid_version'
  | 'invalid_id'
  | 'invalid_sid'
  | 'duplicate_sid'
  | 'missing_effect'
  | 'invalid_effect'
  | 'invalid_principal'
  | 'both_principal_and_notprincipal'
  | 'missing_action'
  | 'invalid_action'
  | 'both_action_and_notaction'
  | 'invalid_resource'
  | 'both_resource_and_notresource'
  | 'invalid_condition'
  | 'invalid_condition_operator'
  | 'invalid_condition_key'
  | 'invalid_condition_value';

export interface PolicyError {
  code: PolicyErrorCode;
  message: string;
  path: string;
  line?: number;
  column?: number;
  offset?: number;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

class Reader {
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

function readStatement(r: Reader, node: JsonNode, path: PathSegment[], sids: Map<string, string>): Statement | null {
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

function readPolicy(r: Reader, root: JsonNode): Policy | null {
  if (root.kind !== 'object') {
    r.error('not_an_object', 'A policy is a JSON object with a Statement.', [], root);
    return null;
  }
  const policy: Policy = { statements: [], statementShape: 'array', extra: [] };
  const sids = new Map<string, string>();
  let sawStatement = false;
  for (const e of root.entries) {
    const p: PathSegment[] = [e.key];
    switch (e.key) {
      case 'Version':
        if (e.value.kind === 'string' && (POLICY_VERSIONS as readonly string[]).includes(e.value.value)) policy.version = e.value.value;
        else r.error('invalid_version', `Version must be "2012-10-17" (or the legacy "2008-10-17"), not ${JSON.stringify(nodeToJson(e.value))}.`, p, e.value);
        break;
      case 'Id':
        if (e.value.kind === 'string') policy.id = e.value.value;
        else r.error('invalid_id', 'Id must be a string.', p, e.value);
        break;
      case 'Statement': {
        sawStatement = true;
        if (e.value.kind === 'object') {
          policy.statementShape = 'scalar';
          const s = readStatement(r, e.value, p, sids);
          if (s) policy.statements.push(s);
        } else if (e.value.kind === 'array') {
          if (e.value.items.length === 0) r.error('empty_statement', 'Statement is an empty list.', p, e.value);
          e.value.items.forEach((item, i) => {
            const s = readStatement(r, item, [...p, i], sids);
            if (s) policy.statements.push(s);
          });
        } else {
          r.error('invalid_statement', 'Statement must be an object or an array of objects.', p, e.value);
        }
        break;
      }
      default:
        policy.extra.push([e.key, nodeToJson(e.value)]);
    }
  }
  if (!sawStatement) r.error('missing_statement', 'The policy has no Statement.', [], root);
  return r.errors.length === 0 ? policy : null;
}

export function parsePolicy(input: unknown): ParseResult {
  const text = typeof input === 'string' ? input : null;
  const read = text !== null ? readJsonText(text) : readJsonValue(input);
  if (!read.ok) return { ok: false, errors: read.errors };
  const r = new Reader(text);
  const policy = readPolicy(r, read.node);
  if (!policy) return { ok: false, errors: r.errors };
  return { ok: true, policy };
}
