// Builder model → policy model: the builder's Allow statement (Federated provider,
// sts:AssumeRoleWithWebIdentity [+ sts:TagSession], aud, rows) plus every preserved part, unchanged.
// Rows the JSON cannot hold (see checkBuilderModel) are left out; the UI shows them as errors.
import { providerPrefix, rowOperatorName, type BuilderModel } from './builder-model';
import { cloneJson, cloneStatement, conditionEntry, CURRENT_POLICY_VERSION, valueList, type ConditionBlock, type Policy, type Statement } from './model';

function addEntry(blocks: ConditionBlock[], operator: string, entry: ConditionBlock['entries'][number]): void {
  let block = blocks.find((b) => b.operator === operator);
  if (!block) {
    block = { operator, entries: [] };
    blocks.push(block);
  }
  if (block.entries.some((e) => e.key.toLowerCase() === entry.key.toLowerCase())) return;
  block.entries.push(entry);
}

function builderStatement(model: BuilderModel): Statement {
  const s: Statement = {
    effect: 'Allow',
    principal: { kind: 'map', entries: [{ type: 'Federated', values: valueList([model.providerArn]) }] },
    action: valueList(model.tagSession ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] : ['sts:AssumeRoleWithWebIdentity']),
    extra: [],
  };
  for (const part of model.preserved) {
    if (part.kind !== 'statement-field') continue;
    if (part.statement.sid !== undefined) s.sid = part.statement.sid;
    if (part.statement.resource) s.resource = { values: [...part.statement.resource.values], shape: part.statement.resource.shape };
    if (part.statement.notResource) s.notResource = { values: [...part.statement.notResource.values], shape: part.statement.notResource.shape };
    for (const [k, v] of part.statement.extra) s.extra.push([k, cloneJson(v)]);
  }
  const blocks: ConditionBlock[] = [];
  const prefix = providerPrefix(model.providerArn);
  if (model.audience && prefix) addEntry(blocks, 'StringEquals', conditionEntry(`${prefix}:aud`, [model.audience]));
  for (const row of model.rows) {
    const name = rowOperatorName(row);
    if (name === null || row.key.trim() === '' || row.values.length === 0) continue;
    addEntry(blocks, name, conditionEntry(row.key, row.values));
  }
  for (const part of model.preserved) {
    if (part.kind === 'condition') addEntry(blocks, part.operator, { key: part.entry.key, values: [...part.entry.values], shape: part.entry.shape });
  }
  if (blocks.length > 0) s.condition = blocks;
  return s;
}

export function policyFromBuilder(model: BuilderModel): Policy {
  const policy: Policy = { version: CURRENT_POLICY_VERSION, statements: [], statementShape: 'array', extra: [] };
  for (const part of model.preserved) {
    if (part.kind !== 'policy-field') continue;
    if (part.field === 'Version') {
      if (typeof part.json === 'string') policy.version = part.json;
      else delete policy.version;
    } else if (part.field === 'Id' && typeof part.json === 'string') {
      policy.id = part.json;
    } else {
      policy.extra.push([part.field, cloneJson(part.json)]);
    }
  }
  const others = model.preserved.flatMap((p) => (p.kind === 'statement' ? [p] : [])).sort((a, b) => a.position - b.position);
  const main = model.providerArn ? builderStatement(model) : null;
  const total = others.length + (main ? 1 : 0);
  const slots: Array<Statement | undefined> = new Array<Statement | undefined>(total).fill(undefined);
  const late: Statement[] = [];
  for (const p of others) {
    if (p.position >= 0 && p.position < total && slots[p.position] === undefined) slots[p.position] = cloneStatement(p.statement);
    else late.push(cloneStatement(p.statement));
  }
  if (main) {
    const free = slots.findIndex((s) => s === undefined);
    if (free >= 0) slots[free] = main;
    else late.unshift(main);
  }
  for (const s of late) {
    const free = slots.findIndex((x) => x === undefined);
    if (free >= 0) slots[free] = s;
    else slots.push(s);
  }
  policy.statements = slots.filter((s): s is Statement => s !== undefined);
  return policy;
}
