import { BUILDER_OPERATORS, type BaseOperator } from '@/lib/domain/trust-policy';

// One line per operator for the operator list (IAM User Guide, "IAM JSON policy elements: Condition
// operators"). Value hints say what a value must look like.

export const OPERATOR_EXPLANATION: Record<BaseOperator, string> = {
  StringEquals: 'exact, case-sensitive match',
  StringEqualsIgnoreCase: 'exact match, ignoring case',
  StringLike: 'matches with * and ? wildcards',
  NumericEquals: 'number equal to',
  NumericLessThan: 'number less than',
  NumericLessThanEquals: 'number at most',
  NumericGreaterThan: 'number greater than',
  NumericGreaterThanEquals: 'number at least',
  DateEquals: 'date/time equal to',
  DateLessThan: 'date/time before',
  DateLessThanEquals: 'date/time at or before',
  DateGreaterThan: 'date/time after',
  DateGreaterThanEquals: 'date/time at or after',
  Bool: 'true or false',
  BinaryEquals: 'base64 bytes equal to',
  IpAddress: 'IP address in a CIDR range',
  ArnEquals: 'ARN, with * and ? wildcards',
  ArnLike: 'ARN, with * and ? wildcards',
  Null: 'key is absent (true) or present (false)',
};

export const OPERATOR_CHOICES: readonly BaseOperator[] = BUILDER_OPERATORS;

export function isBaseOperator(value: string): value is BaseOperator {
  return (BUILDER_OPERATORS as readonly string[]).includes(value);
}

/** Inline warnings for one value of a row (never blocking: the linter has the last word). */
export function valueWarning(operator: BaseOperator, value: string): string | null {
  if ((operator === 'StringEquals' || operator === 'StringEqualsIgnoreCase') && /[*?]/.test(value.replace(/\$\{[*?$]\}/g, ''))) {
    return `* and ? are literal characters in ${operator}; use StringLike to match a pattern.`;
  }
  if ((operator === 'Bool' || operator === 'Null') && value !== 'true' && value !== 'false') return `${operator} compares with "true" or "false".`;
  if (operator.startsWith('Numeric') && !/^-?\d+(\.\d+)?$/.test(value)) return 'Not a number.';
  return null;
}
