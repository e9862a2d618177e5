// Policy model → builder model. The builder's statement is the first Allow statement whose principal
// is exactly one Federated provider and whose Action is sts:AssumeRoleWithWebIdentity (optionally
// with sts:TagSession), spelled as the builder writes them. Its conditions become the audience and
// rows; everything else — other statements (Deny, NotAction, other principals…), Sid, Resource,
// unknown keys, conditions with numeric/boolean values or unknown operators, a Version other than
// 2012-10-17 — is kept verbatim in `preserved`.
import { BUILDER_OPERATORS, NEGATED_OPERATOR, providerPrefix, type BaseOperator, type BuilderModel, type ConditionRow, type PreservedPart } from './builder-model';
import { issuerKeyPrefix } from './derive-request';
import { cloneJson, cloneStatement, CURRENT_POLICY_VERSION, type JsonValue, type Policy, type Statement } from './model';
import { parseOperator } from './internal/operators';
import { renderStatement } from './render-policy';

const WEB = 'sts:AssumeRoleWithWebIdentity';
const TAG = 'sts:TagSession';

function positiveForm(base: string): { operator: BaseOperator; negated: boolean } | null {
  if ((BUILDER_OPERATORS as readonly string[]).includes(base)) return { operator: base as BaseOperator, negated: false };
  for (const op of BUILDER_OPERATORS) if (NEGATED_OPERATOR[op] === base) return { operator: op, negated: true };
  return null;
}

function builderProvider(s: Statement): string | null {
  if (s.effect !== 'Allow' || s.notPrincipal || !s.action || s.notAction) return null;
  if (s.principal?.kind !== 'map' || s.principal.entries.length !== 1) return null;
  const entry = s.principal.entries[0];
  if (!entry || entry.type !== 'Federated' || entry.values.values.length !== 1) return null;
  const actions = s.action.values;
  if (!actions.includes(WEB) || actions.some((a) => a !== WEB && a !== TAG) || new Set(actions).size !== actions.length) return null;
  const arn = entry.values.values[0] ?? '';
  return providerPrefix(arn) === null ? null : arn;
}

function statementJson(s: Statement): JsonValue {
  return JSON.parse(renderStatement(s)) as JsonValue;
}

export function builderFromPolicy(policy: Policy, options: { issuer?: string } = {}): { model: BuilderModel; preserved: PreservedPart[] } {
  const preserved: PreservedPart[] = [];
  if (policy.version !== CURRENT_POLICY_VERSION) preserved.push({ kind: 'policy-field', field: 'Version', json: policy.version ?? null });
  if (policy.id !== undefined) preserved.push({ kind: 'policy-field', field: 'Id', json: policy.id });
  for (const [field, json] of policy.extra) preserved.push({ kind: 'policy-field', field, json: cloneJson(json) });

  const wanted = options.issuer ? issuerKeyPrefix(options.issuer) : null;
  const candidates = policy.statements.map((s, i) => ({ i, arn: builderProvider(s) })).filter((c): c is { i: number; arn: string } => c.arn !== null);
  const main = candidates.find((c) => wanted !== null && providerPrefix(c.arn) === wanted) ?? candidates[0];

  const model: BuilderModel = { providerArn: '', audience: '', tagSession: false, rows: [], preserved };
  policy.statements.forEach((s, i) => {
    if (main && i === main.i) return;
    preserved.push({ kind: 'statement', position: i, json: statementJson(s), statement: cloneStatement(s) });
  });
  const s = main ? policy.statements[main.i] : undefined;
  if (!main || !s) return { model, preserved };

  model.providerArn = main.arn;
  model.tagSession = s.action?.values.includes(TAG) ?? false;
  if (s.sid !== undefined) preserved.push({ kind: 'statement-field', field: 'Sid', json: s.sid, statement: { effect: 'Allow', sid: s.sid, extra: [] } });
  if (s.resource) preserved.push({ kind: 'statement-field', field: 'Resource', json: statementJson({ effect: 'Allow', resource: s.resource, extra: [] }), statement: { effect: 'Allow', resource: { ...s.resource, values: [...s.resource.values] }, extra: [] } });
  if (s.notResource) preserved.push({ kind: 'statement-field', field: 'NotResource', json: statementJson({ effect: 'Allow', notResource: s.notResource, extra: [] }), statement: { effect: 'Allow', notResource: { ...s.notResource, values: [...s.notResource.values] }, extra: [] } });
  for (const [field, json] of s.extra) preserved.push({ kind: 'statement-field', field, json: cloneJson(json), statement: { effect: 'Allow', extra: [[field, cloneJson(json)]] } });

  const audKey = `${providerPrefix(main.arn) ?? ''}:aud`;
  let n = 0;
  for (const block of s.condition ?? []) {
    const parsed = parseOperator(block.operator);
    for (const entry of block.entries) {
      const form = parsed.ok ? positiveForm(parsed.operator.base) : null;
      const strings = entry.values.every((v) => typeof v === 'string');
      if (!parsed.ok || form === null || !strings) {
        preserved.push({ kind: 'condition', operator: block.operator, json: { [block.operator]: { [entry.key]: entry.shape === 'scalar' && entry.values.length === 1 ? (entry.values[0] as JsonValue) : entry.values } }, entry: { key: entry.key, values: [...entry.values], shape: entry.shape } });
        continue;
      }
      if (block.operator === 'StringEquals' && entry.key === audKey && entry.values.length === 1 && model.audience === '') {
        model.audience = String(entry.values[0]);
        continue;
      }
      const row: ConditionRow = {
        id: `row-${++n}`,
        key: entry.key,
        operator: form.operator,
        negated: form.negated,
        ifExists: parsed.operator.ifExists,
        qualifier: parsed.operator.qualifier,
        values: entry.values.map(String),
      };
      model.rows.push(row);
    }
  }
  return { model, preserved };
}
