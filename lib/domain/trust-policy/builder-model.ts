// The visual condition builder's model: one Allow statement for this organization's OIDC provider,
// described as an audience and rows of key · operator · values; everything rows cannot express is
// kept as verbatim parts that policyFromBuilder re-emits unchanged.
import type { ConditionEntry, JsonValue, Statement } from './model';

/** Operators in positive form; `negated`, `ifExists` and `qualifier` complete the name. */
export const BUILDER_OPERATORS = [
  'StringEquals', 'StringEqualsIgnoreCase', 'StringLike',
  'NumericEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'ArnEquals', 'ArnLike', 'Null',
] as const;
export type BaseOperator = (typeof BUILDER_OPERATORS)[number];

/** Negated spelling of each operator that has one (IAM User Guide, Condition operators). */
export const NEGATED_OPERATOR: Partial<Record<BaseOperator, string>> = {
  StringEquals: 'StringNotEquals',
  StringEqualsIgnoreCase: 'StringNotEqualsIgnoreCase',
  StringLike: 'StringNotLike',
  NumericEquals: 'NumericNotEquals',
  DateEquals: 'DateNotEquals',
  IpAddress: 'NotIpAddress',
  ArnEquals: 'ArnNotEquals',
  ArnLike: 'ArnNotLike',
};

export interface ConditionRow {
  id: string;
  key: string;
  operator: BaseOperator;
  negated: boolean;
  ifExists: boolean;
  qualifier: 'ForAnyValue' | 'ForAllValues' | null;
  values: string[];
}

/** Something rows cannot express, kept as written. */
export type PreservedPart =
  /** A whole statement other than the builder's; `position` is its index in the policy. */
  | { kind: 'statement'; position: number; json: JsonValue; statement: Statement }
  /** A field of the builder's statement the model has no place for (Sid, Resource, unknown keys…). */
  | { kind: 'statement-field'; field: string; json: JsonValue; statement: Statement }
  /** A condition of the builder's statement that rows cannot express. */
  | { kind: 'condition'; operator: string; json: JsonValue; entry: ConditionEntry }
  /** A top-level policy field other than Statement (Version other than 2012-10-17, Id, unknown keys). */
  | { kind: 'policy-field'; field: string; json: JsonValue };

export interface BuilderModel {
  /** `arn:aws:iam::<account>:oidc-provider/<issuer host/path>`; empty when there is no builder statement. */
  providerArn: string;
  /** Required `aud` (StringEquals); empty for none. */
  audience: string;
  tagSession: boolean;
  rows: ConditionRow[];
  preserved: PreservedPart[];
  /** Why a preset chose the form it did, for the UI. */
  note?: string;
}

/** Full operator name of a row, or null when the combination does not exist (e.g. negated Bool). */
export function rowOperatorName(row: Pick<ConditionRow, 'operator' | 'negated' | 'ifExists' | 'qualifier'>): string | null {
  let base: string = row.operator;
  if (row.negated) {
    const n = NEGATED_OPERATOR[row.operator];
    if (n === undefined) return null;
    base = n;
  }
  if (row.operator === 'Null' && (row.ifExists || row.qualifier !== null)) return null;
  return `${row.qualifier ? `${row.qualifier}:` : ''}${base}${row.ifExists ? 'IfExists' : ''}`;
}

export type BuilderProblem =
  | { code: 'invalid_operator'; rowId: string }
  | { code: 'empty_values'; rowId: string }
  | { code: 'empty_key'; rowId: string }
  | { code: 'duplicate_row'; rowId: string; duplicateOf: string };

/** Rows the JSON cannot hold: impossible operators, no values, or a second row with the same operator and key. */
export function checkBuilderModel(model: BuilderModel): BuilderProblem[] {
  const out: BuilderProblem[] = [];
  const seen = new Map<string, string>();
  const prefix = providerPrefix(model.providerArn);
  if (model.audience && prefix) seen.set(`StringEquals ${`${prefix}:aud`.toLowerCase()}`, 'audience');
  for (const row of model.rows) {
    const name = rowOperatorName(row);
    if (name === null) out.push({ code: 'invalid_operator', rowId: row.id });
    if (row.key.trim() === '') out.push({ code: 'empty_key', rowId: row.id });
    if (row.values.length === 0) out.push({ code: 'empty_values', rowId: row.id });
    if (name === null) continue;
    const id = `${name} ${row.key.toLowerCase()}`;
    const first = seen.get(id);
    if (first !== undefined) out.push({ code: 'duplicate_row', rowId: row.id, duplicateOf: first });
    else seen.set(id, row.id);
  }
  return out;
}

/** `host/path` of an OIDC provider ARN (the condition-key prefix), or null. */
export function providerPrefix(providerArn: string): string | null {
  const at = providerArn.indexOf(':oidc-provider/');
  return at >= 0 ? providerArn.slice(at + ':oidc-provider/'.length) : null;
}
