import { describe, expect, it } from 'vitest';
import { parsePolicy, type PolicyErrorCode } from './parse-policy';

const P = 'tb.example.com/oidc/abc';
const GOOD = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${P}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'org:abc:*' } },
    },
  ],
};

function statementWith(fields: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', ...fields }] });
}

interface ErrorCase {
  name: string;
  input: unknown;
  code: PolicyErrorCode;
  path: string;
  line?: number;
  column?: number;
}

const cases: ErrorCase[] = [
  { name: 'unterminated array', input: '{"Statement": [', code: 'json_syntax', path: '$.Statement[0]', line: 1, column: 16 },
  { name: 'trailing comma in an object', input: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}', code: 'json_syntax', path: '$.Statement[0]', line: 4, column: 24 },
  { name: 'single-quoted key', input: "{'Version': 1}", code: 'json_syntax', path: '$', line: 1, column: 2 },
  { name: 'empty text', input: '', code: 'json_syntax', path: '$', line: 1, column: 1 },
  { name: 'text after the value', input: '{"a": 1} x', code: 'json_syntax', path: '$', line: 1, column: 10 },
  { name: 'invalid escape', input: '{"a": "\\x"}', code: 'json_syntax', path: '$.a', line: 1, column: 8 },
  { name: 'CRLF line counting', input: '{\r\n"a": tru\r\n}', code: 'json_syntax', path: '$.a', line: 2, column: 6 },
  { name: 'duplicate key', input: '{"Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:*"}]}', code: 'duplicate_key', path: '$.Statement[0].Effect', line: 1, column: 36 },
  { name: 'nesting too deep (text)', input: '['.repeat(5000), code: 'too_deep', path: `$${'[0]'.repeat(32)}` },
  { name: 'too large', input: `{"Statement": [], "x": "${'a'.repeat(70_000)}"}`, code: 'too_large', path: '$' },
  { name: 'a function is not JSON', input: { Statement: () => 1 }, code: 'invalid_json_value', path: '$.Statement' },
  { name: 'not an object', input: '[]', code: 'not_an_object', path: '$' },
  { name: 'no Statement', input: '{"Version": "2012-10-17"}', code: 'missing_statement', path: '$' },
  { name: 'Statement is a string', input: '{"Statement": "x"}', code: 'invalid_statement', path: '$.Statement' },
  { name: 'Statement is empty', input: '{"Statement": []}', code: 'empty_statement', path: '$.Statement' },
  { name: 'a statement is not an object', input: '{"Statement": [1]}', code: 'invalid_statement', path: '$.Statement[0]' },
  { name: 'unknown Version', input: '{"Version": "2013-01-01", "Statement": {"Effect": "Allow", "Action": "s3:*"}}', code: 'invalid_version', path: '$.Version' },
  { name: 'Id is not a string', input: '{"Id": 1, "Statement": {"Effect": "Allow", "Action": "s3:*"}}', code: 'invalid_id', path: '$.Id' },
  { name: 'Sid is not a string', input: statementWith({ Sid: 5 }), code: 'invalid_sid', path: '$.Statement[0].Sid' },
  { name: 'duplicate Sid', input: '{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:*"}, {"Sid": "A", "Effect": "Deny", "Action": "s3:*"}]}', code: 'duplicate_sid', path: '$.Statement[1].Sid' },
  { name: 'missing Effect', input: '{"Statement": [{"Action": "sts:AssumeRoleWithWebIdentity"}]}', code: 'missing_effect', path: '$.Statement[0]' },
  { name: 'Effect in the wrong case', input: statementWith({ Effect: 'allow' }), code: 'invalid_effect', path: '$.Statement[0].Effect' },
  { name: 'Effect of a single statement object', input: '{"Statement": {"Effect": "Maybe", "Action": "s3:*"}}', code: 'invalid_effect', path: '$.Statement.Effect' },
  { name: 'missing Action', input: '{"Statement": [{"Effect": "Allow"}]}', code: 'missing_action', path: '$.Statement[0]' },
  { name: 'Action and NotAction', input: statementWith({ NotAction: 'iam:*' }), code: 'both_action_and_notaction', path: '$.Statement[0].NotAction' },
  { name: 'empty Action list', input: '{"Statement": [{"Effect": "Allow", "Action": []}]}', code: 'invalid_action', path: '$.Statement[0].Action' },
  { name: 'Action of numbers', input: '{"Statement": [{"Effect": "Allow", "Action": [1]}]}', code: 'invalid_action', path: '$.Statement[0].Action' },
  { name: 'Principal and NotPrincipal', input: statementWith({ Principal: '*', NotPrincipal: '*' }), code: 'both_principal_and_notprincipal', path: '$.Statement[0].NotPrincipal' },
  { name: 'Principal is a plain string', input: statementWith({ Principal: 'arn:aws:iam::111122223333:root' }), code: 'invalid_principal', path: '$.Statement[0].Principal' },
  { name: 'unknown principal type', input: statementWith({ Principal: { Oidc: 'x' } }), code: 'invalid_principal', path: '$.Statement[0].Principal.Oidc' },
  { name: 'empty Federated list', input: statementWith({ Principal: { Federated: [] } }), code: 'invalid_principal', path: '$.Statement[0].Principal.Federated' },
  { name: 'Resource and NotResource', input: statementWith({ Resource: '*', NotResource: '*' }), code: 'both_resource_and_notresource', path: '$.Statement[0].NotResource' },
  { name: 'Resource is an object', input: statementWith({ Resource: {} }), code: 'invalid_resource', path: '$.Statement[0].Resource' },
  { name: 'Condition is a list', input: statementWith({ Condition: [] }), code: 'invalid_condition', path: '$.Statement[0].Condition' },
  { name: 'unknown operator', input: statementWith({ Condition: { StringLikes: { 'a:b': 'c' } } }), code: 'invalid_condition_operator', path: '$.Statement[0].Condition.StringLikes' },
  { name: 'operator name in the wrong case', input: statementWith({ Condition: { stringequals: { 'a:b': 'c' } } }), code: 'invalid_condition_operator', path: '$.Statement[0].Condition.stringequals' },
  { name: 'Null with IfExists', input: statementWith({ Condition: { NullIfExists: { 'a:b': 'true' } } }), code: 'invalid_condition_operator', path: '$.Statement[0].Condition.NullIfExists' },
  { name: 'Null with a set operator', input: statementWith({ Condition: { 'ForAllValues:Null': { 'a:b': 'true' } } }), code: 'invalid_condition_operator', path: '$.Statement[0].Condition["ForAllValues:Null"]' },
  { name: 'unknown set operator', input: statementWith({ Condition: { 'ForSomeValues:StringLike': { 'a:b': 'c' } } }), code: 'invalid_condition_operator', path: '$.Statement[0].Condition["ForSomeValues:StringLike"]' },
  { name: 'operator without keys', input: statementWith({ Condition: { StringLike: {} } }), code: 'invalid_condition', path: '$.Statement[0].Condition.StringLike' },
  { name: 'empty condition key', input: statementWith({ Condition: { StringLike: { '': 'x' } } }), code: 'invalid_condition_key', path: '$.Statement[0].Condition.StringLike[""]' },
  { name: 'object as condition value', input: statementWith({ Condition: { StringLike: { [`${P}:sub`]: ['org:abc:*', { x: 1 }] } } }), code: 'invalid_condition_value', path: `$.Statement[0].Condition.StringLike["${P}:sub"][1]` },
  { name: 'empty value list', input: statementWith({ Condition: { StringLike: { 'a:b': [] } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.StringLike["a:b"]' },
  { name: 'non-numeric Numeric value', input: statementWith({ Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.NumericLessThan["s3:max-keys"]' },
  { name: 'non-date Date value', input: statementWith({ Condition: { DateLessThan: { 'aws:CurrentTime': 'yesterday' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.DateLessThan["aws:CurrentTime"]' },
  { name: 'non-boolean Bool value', input: statementWith({ Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.Bool["aws:SecureTransport"]' },
  { name: 'bad IP address', input: statementWith({ Condition: { IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.IpAddress["aws:SourceIp"]' },
  { name: 'bad base64', input: statementWith({ Condition: { BinaryEquals: { 'x:y': 'not base64!' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.BinaryEquals["x:y"]' },
  { name: 'a variable in a Numeric value', input: statementWith({ Condition: { NumericEquals: { 'x:y': '${aws:username}' } } }), code: 'invalid_condition_value', path: '$.Statement[0].Condition.NumericEquals["x:y"]' },
];

describe('parsePolicy errors', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = parsePolicy(c.input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors[0];
    expect(error?.code).toBe(c.code);
    expect(error?.path).toBe(c.path);
    expect(error?.message.length).toBeGreaterThan(5);
    if (c.line !== undefined) {
      expect(error?.line).toBe(c.line);
      expect(error?.column).toBe(c.column);
      expect(typeof error?.offset).toBe('number');
    }
  });

  it('reports every structural error, not only the first', () => {
    const result = parsePolicy('{"Statement": [{"Effect": "allow", "Action": []}, {"Effect": "Allow"}]}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([
      ['invalid_effect', '$.Statement[0].Effect'],
      ['invalid_action', '$.Statement[0].Action'],
      ['missing_action', '$.Statement[1]'],
    ]);
  });

  it('gives line and column for structural errors in JSON text', () => {
    const result = parsePolicy('{\n  "Statement": {\n    "Effect": "Permit",\n    "Action": "s3:*"\n  }\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'invalid_effect', line: 3, column: 15 });
  });

  it('rejects deeply nested parsed values without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = parsePolicy({ Statement: deep });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe('too_deep');
  });

  it('rejects a cyclic value', () => {
    const cyclic: Record<string, unknown> = { Statement: [] };
    cyclic.self = cyclic;
    const result = parsePolicy(cyclic);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe('too_deep');
  });
});

describe('parsePolicy model', () => {
  it('reads text and parsed values alike', () => {
    const fromText = parsePolicy(JSON.stringify(GOOD));
    const fromValue = parsePolicy(GOOD);
    expect(fromText).toEqual(fromValue);
    expect(fromText.ok).toBe(true);
  });

  it('remembers scalar vs array shapes', () => {
    const result = parsePolicy({ Statement: { Effect: 'Allow', Action: ['sts:AssumeRoleWithWebIdentity'], Resource: '*', Principal: { Federated: 'x.example.com' }, Condition: { StringLike: { 'a:b': ['c'], 'a:d': 'e' } } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.policy.statements[0];
    expect(result.policy.statementShape).toBe('scalar');
    expect(s?.action).toEqual({ values: ['sts:AssumeRoleWithWebIdentity'], shape: 'array' });
    expect(s?.resource).toEqual({ values: ['*'], shape: 'scalar' });
    expect(s?.condition?.[0]?.entries).toEqual([
      { key: 'a:b', values: ['c'], shape: 'array' },
      { key: 'a:d', values: ['e'], shape: 'scalar' },
    ]);
  });

  it('keeps unknown keys verbatim and in order', () => {
    const result = parsePolicy('{"Zeta": {"b": 1, "a": [true, null]}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Custom": "x", "1": 2}, "Alpha": 3}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.extra).toEqual([
      ['Zeta', { b: 1, a: [true, null] }],
      ['Alpha', 3],
    ]);
    expect(result.policy.statements[0]?.extra).toEqual([
      ['Custom', 'x'],
      ['1', 2],
    ]);
  });

  it('keeps numbers and booleans in conditions as written', () => {
    const result = parsePolicy({ Statement: { Effect: 'Allow', Action: 's3:*', Condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': [true] } } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.statements[0]?.condition).toEqual([
      { operator: 'NumericLessThan', entries: [{ key: 's3:max-keys', values: [10], shape: 'scalar' }] },
      { operator: 'Bool', entries: [{ key: 'aws:SecureTransport', values: [true], shape: 'array' }] },
    ]);
  });

  it('treats __proto__ as an ordinary key', () => {
    const result = parsePolicy('{"Statement": {"Effect": "Allow", "Action": "s3:*", "__proto__": {"polluted": true}}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.statements[0]?.extra[0]?.[0]).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
