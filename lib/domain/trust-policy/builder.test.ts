import { describe, expect, it } from 'vitest';
import { builderFromPolicy } from './builder-from-policy';
import { checkBuilderModel, rowOperatorName, type BuilderModel, type ConditionRow } from './builder-model';
import type { Policy } from './model';
import { parsePolicy } from './parse-policy';
import { policyFromBuilder } from './policy-from-builder';
import { renderPolicy, renderStatement } from './render-policy';

const ISSUER = 'https://tb.example.com/oidc/org_abc';
const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${P}`;

function parse(input: unknown): Policy {
  const r = parsePolicy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

function row(over: Partial<ConditionRow>): ConditionRow {
  return { id: 'r', key: `${P}:sub`, operator: 'StringLike', negated: false, ifExists: false, qualifier: null, values: ['org:org_abc:*'], ...over };
}

function model(rows: ConditionRow[], over: Partial<BuilderModel> = {}): BuilderModel {
  return { providerArn: PROVIDER, audience: 'sts.amazonaws.com', tagSession: false, rows, preserved: [], ...over };
}

describe('policyFromBuilder', () => {
  it('writes one Allow statement with aud first, then rows grouped by operator', () => {
    const policy = policyFromBuilder(model([row({ id: 'a' }), row({ id: 'b', key: 'aws:RequestTag/stage', operator: 'StringEquals', values: ['production'] }), row({ id: 'c', key: 'aws:RequestTag/team', operator: 'StringEquals', negated: true, ifExists: true, values: ['red', 'blue'] })], { tagSession: true }));
    expect(renderPolicy(policy)).toBe(
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"${PROVIDER}"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],"Condition":{"StringEquals":{"${P}:aud":"sts.amazonaws.com","aws:RequestTag/stage":"production"},"StringLike":{"${P}:sub":"org:org_abc:*"},"StringNotEqualsIfExists":{"aws:RequestTag/team":["red","blue"]}}}]}`,
    );
  });

  it('leaves out rows the JSON cannot hold, which checkBuilderModel reports', () => {
    const m = model([
      row({ id: 'ok' }),
      row({ id: 'bad-op', operator: 'Bool', negated: true, values: ['true'] }),
      row({ id: 'null-if', operator: 'Null', ifExists: true, values: ['true'] }),
      row({ id: 'empty', key: 'aws:RequestTag/x', values: [] }),
      row({ id: 'dup', values: ['org:org_abc:project:*'] }),
      row({ id: 'dup-aud', key: `${P}:aud`, operator: 'StringEquals', values: ['x'] }),
    ]);
    expect(checkBuilderModel(m)).toEqual([
      { code: 'invalid_operator', rowId: 'bad-op' },
      { code: 'invalid_operator', rowId: 'null-if' },
      { code: 'empty_values', rowId: 'empty' },
      { code: 'duplicate_row', rowId: 'dup', duplicateOf: 'ok' },
      { code: 'duplicate_row', rowId: 'dup-aud', duplicateOf: 'audience' },
    ]);
    const out = JSON.parse(renderPolicy(policyFromBuilder(m)));
    expect(out.Statement[0].Condition).toEqual({ StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'org:org_abc:*' } });
  });

  it('names operators from their parts', () => {
    expect(rowOperatorName({ operator: 'StringLike', negated: true, ifExists: true, qualifier: 'ForAnyValue' })).toBe('ForAnyValue:StringNotLikeIfExists');
    expect(rowOperatorName({ operator: 'IpAddress', negated: true, ifExists: false, qualifier: null })).toBe('NotIpAddress');
    expect(rowOperatorName({ operator: 'NumericLessThan', negated: true, ifExists: false, qualifier: null })).toBeNull();
  });
});

describe('builderFromPolicy', () => {
  it('reads rows back with their operator parts', () => {
    const policy = parse({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': ['a*', 'b'] }, ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:*:1:x' } } }],
    });
    const { model: m, preserved } = builderFromPolicy(policy, { issuer: ISSUER });
    expect(preserved).toEqual([]);
    expect(m).toEqual({
      providerArn: PROVIDER,
      audience: 'sts.amazonaws.com',
      tagSession: false,
      preserved: [],
      rows: [
        { id: 'row-1', key: 'aws:TagKeys', operator: 'StringLike', negated: true, ifExists: true, qualifier: 'ForAnyValue', values: ['a*', 'b'] },
        { id: 'row-2', key: 'aws:SourceArn', operator: 'ArnEquals', negated: true, ifExists: false, qualifier: null, values: ['arn:aws:sns:*:1:x'] },
      ],
    });
  });

  it('round-trips builder output exactly', () => {
    const m = model([row({ id: 'x' }), row({ id: 'y', key: 'aws:RequestTag/stage', operator: 'StringEquals', values: ['production', 'staging'] })], { tagSession: true });
    const policy = policyFromBuilder(m);
    const back = builderFromPolicy(policy, { issuer: ISSUER });
    expect(renderPolicy(policyFromBuilder(back.model))).toBe(renderPolicy(policy));
    // Rows come back grouped by operator, as the JSON holds them.
    const norm = (rows: ConditionRow[]) => rows.map((r) => ({ ...r, id: '' })).sort((a, b) => a.key.localeCompare(b.key));
    expect(norm(back.model.rows)).toEqual(norm(m.rows));
  });

  it('keeps everything rows cannot express, verbatim', () => {
    const original = parse({
      Id: 'trust-1',
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Ops', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ops' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } },
        {
          Sid: 'Main',
          Effect: 'Allow',
          Principal: { Federated: PROVIDER },
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Resource: '*',
          Condition: { StringLike: { [`${P}:sub`]: 'org:org_abc:*' }, NumericLessThan: { 'sts:DurationSeconds': 3600 }, StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' } },
          Custom: { keep: [1, 'two'] },
        },
        { Effect: 'Deny', Principal: '*', NotAction: 'sts:AssumeRoleWithWebIdentity' },
      ],
      Extra: { '1': 'one', b: 'bee' },
    });
    const { model: m, preserved } = builderFromPolicy(original, { issuer: ISSUER });
    expect(m.rows.map((r) => r.key)).toEqual([`${P}:sub`]);
    expect(m.tagSession).toBe(true);
    expect(preserved.map((p) => p.kind)).toEqual(['policy-field', 'policy-field', 'statement', 'statement', 'statement-field', 'statement-field', 'statement-field', 'condition']);
    const rebuilt = policyFromBuilder(m);
    // Preserved statements come back byte for byte, in their places.
    expect(renderStatement(rebuilt.statements[0] as Policy['statements'][number])).toBe(renderStatement(original.statements[0] as Policy['statements'][number]));
    expect(renderStatement(rebuilt.statements[2] as Policy['statements'][number])).toBe(renderStatement(original.statements[2] as Policy['statements'][number]));
    // The whole policy means the same (JSON equality ignores the order of object keys).
    expect(JSON.parse(renderPolicy(rebuilt))).toEqual(JSON.parse(renderPolicy(original)));
    expect(renderPolicy(rebuilt)).toContain('"Extra":{"1":"one","b":"bee"}');
  });

  it('keeps a missing or legacy Version', () => {
    for (const version of [undefined, '2008-10-17']) {
      const original = parse({ ...(version ? { Version: version } : {}), Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' }] });
      const rebuilt = policyFromBuilder(builderFromPolicy(original).model);
      expect(rebuilt.version).toBe(version);
      expect(renderPolicy({ ...rebuilt, statementShape: original.statementShape })).toBe(renderPolicy(original));
    }
  });

  it('with no builder statement, keeps every statement as it was', () => {
    const original = parse({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:assumerolewithwebidentity' }] });
    const { model: m } = builderFromPolicy(original);
    expect(m.providerArn).toBe('');
    expect(renderPolicy(policyFromBuilder(m))).toBe(renderPolicy(original));
  });

  it("prefers the statement for this organization's issuer", () => {
    const other = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
    const original = parse({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: other }, Action: 'sts:AssumeRoleWithWebIdentity' }, { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' }] });
    const { model: m } = builderFromPolicy(original, { issuer: ISSUER });
    expect(m.providerArn).toBe(PROVIDER);
    expect(renderPolicy(policyFromBuilder(m))).toBe(renderPolicy(original));
  });
});
