import { describe, expect, it } from 'vitest';
import { valueList, type Policy } from './model';
import { parsePolicy } from './parse-policy';
import { renderPolicy } from './render-policy';

function parse(input: unknown): Policy {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

describe('renderPolicy', () => {
  it('writes elements in the canonical order, unknown keys last in their own order', () => {
    const text = '{"Zed": 1, "Statement": [{"Condition": {"StringLike": {"a:sub": "org:abc:*"}}, "Custom": true, "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/x.example.com"}, "Effect": "Allow", "Sid": "Main"}], "Id": "p1", "Version": "2012-10-17", "Alpha": 2}';
    expect(renderPolicy(parse(text))).toBe(
      '{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"Main","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/x.example.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"a:sub":"org:abc:*"}},"Custom":true}],"Zed":1,"Alpha":2}',
    );
  });

  it('keeps integer-like unknown keys where they were written', () => {
    expect(renderPolicy(parse('{"Statement": {"Effect": "Allow", "Action": "s3:*", "b": 1, "1": 2}}'))).toBe('{"Statement":{"Effect":"Allow","Action":"s3:*","b":1,"1":2}}');
  });

  it('reproduces scalar and array shapes as written', () => {
    const text = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"]},"Action":["sts:AssumeRole"],"Resource":"*","Condition":{"StringEquals":{"a:b":["x"],"a:c":"y"},"NumericLessThan":{"n:m":5}}}]}';
    expect(renderPolicy(parse(text))).toBe(text);
  });

  it('renders a single Statement object as an object', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":"*","NotAction":"iam:*","NotResource":["a","b"]}}';
    expect(renderPolicy(parse(text))).toBe(text);
  });

  it('renders a scalar-shaped list with several values as an array, and builder lists by size', () => {
    const policy: Policy = {
      version: '2012-10-17',
      statementShape: 'array',
      extra: [],
      statements: [{ effect: 'Allow', action: { values: ['a:b', 'a:c'], shape: 'scalar' }, resource: valueList(['*']), extra: [] }],
    };
    expect(renderPolicy(policy)).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["a:b","a:c"],"Resource":"*"}]}');
  });

  it('pretty-prints with two spaces', () => {
    const out = renderPolicy(parse('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["a:b"],"Condition":{"Bool":{"k:k":true}}}]}'), { pretty: true });
    expect(out).toBe(
      ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Action": [', '        "a:b"', '      ],', '      "Condition": {', '        "Bool": {', '          "k:k": true', '        }', '      }', '    }', '  ]', '}'].join('\n'),
    );
    expect(JSON.parse(out)).toEqual(JSON.parse(renderPolicy(parse(out))));
  });

  it('escapes strings like JSON.stringify', () => {
    const policy = parse({ Statement: { Sid: 'q"\\\n\u2028', Effect: 'Allow', Action: 's3:*' } });
    expect(JSON.parse(renderPolicy(policy)).Statement.Sid).toBe('q"\\\n\u2028');
  });

  it('round-trips: render ∘ parse ∘ render is render', () => {
    const texts = [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}',
      '{"Statement":{"Effect":"Allow","Action":"s3:*","x":{"nested":[1,{"a":null}]},"Condition":{"ForAnyValue:StringLikeIfExists":{"k:k":["a*","b?"]}}}}',
    ];
    for (const text of texts) {
      const once = renderPolicy(parse(text));
      expect(renderPolicy(parse(once))).toBe(once);
      expect(renderPolicy(parse(renderPolicy(parse(once), { pretty: true })))).toBe(once);
    }
  });
});
