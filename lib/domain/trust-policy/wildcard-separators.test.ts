import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate-policy';
import { parsePolicy } from './parse-policy';

// "You can use wildcards (* or ?) anywhere in the string": `?` is any single character and `*`
// any run of characters — including the `:` and `/` that separate parts of a subject or an ARN.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String

function decide(pattern: string, value: string): string {
  const parsed = parsePolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'tb.example/oidc/o:sub': pattern } } }],
  });
  if (!parsed.ok) throw new Error('test policy does not parse');
  return evaluatePolicy(parsed.policy, { principal: 'x', action: 'sts:AssumeRoleWithWebIdentity', context: { 'tb.example/oidc/o:sub': value } }).decision;
}

describe('StringLike wildcards across separators', () => {
  it.each([
    ['org:a?b', 'org:a:b', 'Allow'],
    ['org:a?b', 'org:a/b', 'Allow'],
    ['org:a?b', 'org:ab', 'ImplicitDeny'],
    ['org:*:env', 'org:x:y:env', 'Allow'],
    ['org:*:env', 'org:env', 'ImplicitDeny'],
  ])('%s against %s → %s', (pattern, value, expected) => {
    expect(decide(pattern, value)).toBe(expected);
  });
});
