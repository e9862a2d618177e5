// Condition operator names (IAM User Guide, "IAM JSON policy elements: Condition operators"):
// `[ForAnyValue:|ForAllValues:]<Base>[IfExists]`. Names are matched exactly as AWS spells them.
// "You can add IfExists to the end of any condition operator name except the Null condition."

export const BASE_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress',
  'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
] as const;
export type AnyBaseOperator = (typeof BASE_OPERATORS)[number];

export type Family = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
export type Comparison = 'equals' | 'equalsIgnoreCase' | 'like' | 'lt' | 'lte' | 'gt' | 'gte';

export interface OperatorInfo {
  family: Family;
  comparison: Comparison;
  /** Negated operators match when no policy value matches (logical NOR across values). */
  negated: boolean;
}

const INFO: Record<AnyBaseOperator, OperatorInfo> = {
  StringEquals: { family: 'string', comparison: 'equals', negated: false },
  StringNotEquals: { family: 'string', comparison: 'equals', negated: true },
  StringEqualsIgnoreCase: { family: 'string', comparison: 'equalsIgnoreCase', negated: false },
  StringNotEqualsIgnoreCase: { family: 'string', comparison: 'equalsIgnoreCase', negated: true },
  StringLike: { family: 'string', comparison: 'like', negated: false },
  StringNotLike: { family: 'string', comparison: 'like', negated: true },
  NumericEquals: { family: 'numeric', comparison: 'equals', negated: false },
  NumericNotEquals: { family: 'numeric', comparison: 'equals', negated: true },
  NumericLessThan: { family: 'numeric', comparison: 'lt', negated: false },
  NumericLessThanEquals: { family: 'numeric', comparison: 'lte', negated: false },
  NumericGreaterThan: { family: 'numeric', comparison: 'gt', negated: false },
  NumericGreaterThanEquals: { family: 'numeric', comparison: 'gte', negated: false },
  DateEquals: { family: 'date', comparison: 'equals', negated: false },
  DateNotEquals: { family: 'date', comparison: 'equals', negated: true },
  DateLessThan: { family: 'date', comparison: 'lt', negated: false },
  DateLessThanEquals: { family: 'date', comparison: 'lte', negated: false },
  DateGreaterThan: { family: 'date', comparison: 'gt', negated: false },
  DateGreaterThanEquals: { family: 'date', comparison: 'gte', negated: false },
  Bool: { family: 'bool', comparison: 'equals', negated: false },
  BinaryEquals: { family: 'binary', comparison: 'equals', negated: false },
  IpAddress: { family: 'ip', comparison: 'equals', negated: false },
  NotIpAddress: { family: 'ip', comparison: 'equals', negated: true },
  // "The ArnEquals and ArnLike condition operators behave identically."
  ArnEquals: { family: 'arn', comparison: 'like', negated: false },
  ArnLike: { family: 'arn', comparison: 'like', negated: false },
  ArnNotEquals: { family: 'arn', comparison: 'like', negated: true },
  ArnNotLike: { family: 'arn', comparison: 'like', negated: true },
  Null: { family: 'null', comparison: 'equals', negated: false },
};

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

export interface ParsedOperator {
  written: string;
  qualifier: SetQualifier | null;
  base: AnyBaseOperator;
  ifExists: boolean;
  info: OperatorInfo;
}

export type OperatorParse = { ok: true; operator: ParsedOperator } | { ok: false; reason: string };

function isBase(name: string): name is AnyBaseOperator {
  return Object.prototype.hasOwnProperty.call(INFO, name);
}

export function parseOperator(written: string): OperatorParse {
  let rest = written;
  let qualifier: SetQualifier | null = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    if (q !== 'ForAnyValue' && q !== 'ForAllValues') return { ok: false, reason: `"${q}" is not a set operator (ForAnyValue or ForAllValues)` };
    qualifier = q;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && !isBase(rest)) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!isBase(rest)) return { ok: false, reason: `"${written}" is not a condition operator` };
  if (rest === 'Null' && (ifExists || qualifier)) return { ok: false, reason: `"${written}": Null cannot take IfExists or a set operator` };
  return { ok: true, operator: { written, qualifier, base: rest, ifExists, info: INFO[rest] } };
}

export function operatorInfo(base: AnyBaseOperator): OperatorInfo {
  return INFO[base];
}

/** Families whose values may contain policy variables ("string operators or the ARN operators"). */
export function allowsVariables(family: Family): boolean {
  return family === 'string' || family === 'arn';
}
