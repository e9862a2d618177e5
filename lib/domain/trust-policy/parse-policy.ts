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
import { POLICY_VERSIONS, type Policy } from './model';
import { nodeToJson, readJsonText, readJsonValue, type JsonNode, type JsonReadErrorCode } from './internal/json-reader';
import type { PathSegment } from './internal/path';
import { Reader, readStatement } from './internal/policy-reader';

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
