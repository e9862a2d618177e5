// "What is the smallest change to this trust policy that admits this request?" — for the claim
// inspector. Starting from the part that refused (firstFailure), it tries a few small edits in
// order of how little they widen the policy, keeps the first one that gets the request further
// (the failing part passes, or the decision becomes Allow), and repeats until Allow or no edit
// helps. Every edit works on a copy; the result is only returned when it really is Allow, decided
// by the same evaluator (both authorizations of AssumeRoleWithWebIdentity: with session tags
// sts:TagSession too). Edits:
// - a positive string/ARN condition: add the request's value (for `sub`: this environment's
//   subject); `StringEquals` whose values hold a wildcard → the `Like` operator; a multivalued key
//   without a set operator → `ForAnyValue:`;
// - a negated condition: drop the policy values the request matches;
// - a key the request never carries: a claim AWS cannot see → the session tag with the same fact
//   (when the request has it); otherwise drop that condition;
// - `Bool`/`Null` with the opposite value: the request's value;
// - the action: add it (sts:TagSession when the token carries session tags);
// - the principal: trust the token's OIDC provider too;
// - an explicit Deny: drop the values that made it match, else the Deny statement;
// - no Allow statement at all: one for this provider, audience and subject.
import { firstFailure, type EvaluationRequest, type EvaluationResult, type FirstFailure } from './evaluate-policy';
import type { ConditionTrace } from './internal/explain-condition';
import { addCondition, editStatement, moveEntry, renameKey } from './internal/lint/edit';
import { TAG_FOR_CLAIM } from './internal/lint/oidc-rules';
import { keyIssuer } from './internal/lint/shared';
import { parseOperator, type ParsedOperator } from './internal/operators';
import { literalForEquals, literalForLike } from './internal/policy-text';
import { compileWildcard, hasWildcard, matches } from './internal/wildcard';
import { clonePolicy, conditionEntry, valueList, type ConditionEntry, type Policy, type Statement } from './model';
import { ASSUME_ROLE_WITH_WEB_IDENTITY } from './derive-request';
import { evaluateWebIdentity, TAG_SESSION } from './web-identity';

export interface ProposedFix {
  /** One line per edit, in the order they were made. */
  steps: string[];
  /** The whole policy with every edit applied; evaluating the request against it gives Allow. */
  policy: Policy;
}

interface Candidate {
  title: string;
  policy: Policy;
}

const MAX_STEPS = 8;

interface Outcome {
  result: EvaluationResult;
  tagSession: boolean;
}

function decide(policy: Policy, request: EvaluationRequest): Outcome {
  const { result, refusedForTagSession } = evaluateWebIdentity(policy, request);
  return { result, tagSession: refusedForTagSession };
}

/** How far the request got: Allow > further in the best Allow statement > explicit Deny. */
function score(o: Outcome): number {
  const r = o.result;
  if (r.decision === 'Allow') return Number.POSITIVE_INFINITY;
  if (r.decision === 'ExplicitDeny') return -1;
  let best = 0;
  for (const t of r.statements) {
    if (t.effect !== 'Allow') continue;
    const conditions = t.conditions.length === 0 ? 1 : t.conditions.filter((c) => c.matched).length / t.conditions.length;
    best = Math.max(best, (t.principal.matched ? 100 : 0) + (t.action.matched ? 10 : 0) + (!t.resource || t.resource.matched ? 5 : 0) + conditions);
  }
  // A refused sts:TagSession means sts:AssumeRoleWithWebIdentity already passed (at most 116 above).
  return o.tagSession ? 200 + best : best;
}

/** The smallest fix that admits `request`, or null when the policy already admits it or no edit gets there. */
export function proposeFix(policy: Policy, request: EvaluationRequest): ProposedFix | null {
  let current = clonePolicy(policy);
  let outcome = decide(current, request);
  if (outcome.result.decision === 'Allow') return null;
  const steps: string[] = [];
  for (let i = 0; i < MAX_STEPS; i++) {
    const failure = firstFailure(outcome.result);
    if (!failure) break;
    const before = score(outcome);
    const action = outcome.tagSession ? TAG_SESSION : request.action;
    const next = candidates(current, failure, outcome.result, request, action)
      .map((c) => ({ c, o: decide(c.policy, request) }))
      .find(({ o }) => score(o) > before);
    if (!next) return null;
    current = next.c.policy;
    outcome = next.o;
    steps.push(next.c.title);
    if (outcome.result.decision === 'Allow') return { steps, policy: current };
  }
  return null;
}

function candidates(policy: Policy, f: FirstFailure, result: EvaluationResult, request: EvaluationRequest, action: string): Candidate[] {
  switch (f.kind) {
    case 'explicit-deny':
      return denyEdits(policy, f.statement, result);
    case 'principal':
      return principalEdits(policy, f.statement, request.principal);
    case 'action':
      return actionEdits(policy, f.statement, action);
    case 'condition':
      return conditionEdits(policy, f.statement, f.condition, request);
    case 'no-allow-statement':
      return [newStatement(policy, request)];
    case 'resource':
      return [];
  }
}

const q = (v: string) => JSON.stringify(v);
const only = (c: Candidate | null): Candidate[] => (c ? [c] : []);
function edit(policy: Policy, index: number, title: string, change: (s: Statement) => boolean): Candidate | null {
  const edited = editStatement(policy, index, change);
  return edited ? { title, policy: edited } : null;
}

function entryOf(s: Statement, operator: string, key: string): { entry: ConditionEntry; blockIndex: number } | null {
  const blocks = s.condition ?? [];
  for (let b = 0; b < blocks.length; b++) {
    const entry = blocks[b]?.operator === operator ? blocks[b]?.entries.find((e) => e.key === key) : undefined;
    if (entry) return { entry, blockIndex: b };
  }
  return null;
}

/** Removes one condition entry (and its block when it empties). */
function dropEntry(s: Statement, operator: string, key: string): boolean {
  const found = entryOf(s, operator, key);
  const block = found ? s.condition?.[found.blockIndex] : undefined;
  if (!found || !block || !s.condition) return false;
  block.entries = block.entries.filter((e) => e !== found.entry);
  if (block.entries.length === 0) s.condition.splice(found.blockIndex, 1);
  if (s.condition.length === 0) delete s.condition;
  return true;
}

function valueMatcher(op: ParsedOperator, policyValue: string): (v: string) => boolean {
  const { comparison } = op.info;
  if (comparison === 'like') {
    const m = compileWildcard(policyValue);
    return (v) => matches(m, v);
  }
  if (comparison === 'equalsIgnoreCase') return (v) => v.toLowerCase() === policyValue.toLowerCase();
  return (v) => v === policyValue;
}

/** The operator name with another base, keeping ForAnyValue:/ForAllValues: and IfExists. */
function withBase(op: ParsedOperator, base: string, qualifier = op.qualifier): string {
  return `${qualifier ? `${qualifier}:` : ''}${base}${op.ifExists ? 'IfExists' : ''}`;
}

function conditionEdits(policy: Policy, index: number, c: ConditionTrace, request: EvaluationRequest): Candidate[] {
  const parsed = parseOperator(c.operator);
  if (!parsed.ok) return [];
  const op = parsed.operator;
  const values = c.contextValues ?? [];
  const where = `${c.operator} ${c.key}`;
  const out: Candidate[] = [];
  if (values.length === 0) {
    if (op.info.family === 'null') return only(edit(policy, index, `${where}: expect the key to be absent ("true")`, (s) => setValues(s, c, ['true'])));
    out.push(...visibleKeyEdits(policy, index, c, request));
    out.push(...only(edit(policy, index, `Drop the condition ${where}: this request never carries ${c.key}`, (s) => dropEntry(s, c.operator, c.key))));
    return out;
  }
  if (op.info.family === 'null') return only(edit(policy, index, `${where}: expect the key to be present ("false")`, (s) => setValues(s, c, ['false'])));
  if (op.info.family === 'bool') return only(edit(policy, index, `${where}: expect ${q(values[0] ?? '')}`, (s) => setValues(s, c, [values[0] ?? ''])));
  if (op.info.negated) {
    const drop = (v: string | number | boolean) => values.some(valueMatcher(op, String(v)));
    return only(
      edit(policy, index, `Stop excluding ${values.map(q).join(', ')} in ${where}`, (s) => {
        const found = entryOf(s, c.operator, c.key);
        if (!found) return false;
        const kept = found.entry.values.filter((v) => !drop(v));
        if (kept.length === found.entry.values.length) return false;
        if (kept.length === 0) return dropEntry(s, c.operator, c.key);
        Object.assign(found.entry, conditionEntry(c.key, kept));
        return true;
      }),
    );
  }
  if (op.info.family !== 'string' && op.info.family !== 'arn') return [];
  if (op.qualifier === null && values.length > 1) {
    out.push(...only(edit(policy, index, `Use ForAnyValue:${op.base} on ${c.key}: the request has ${values.length} values`, (s) => moveEntry(s, c.operator, c.key, withBase(op, op.base, 'ForAnyValue')))));
  }
  if ((op.base === 'StringEquals' || op.base === 'StringEqualsIgnoreCase') && c.policyValues.some(hasWildcard)) {
    out.push(...only(edit(policy, index, `Switch ${c.operator} to ${withBase(op, 'StringLike')} on ${c.key}: its values use a wildcard`, (s) => moveEntry(s, c.operator, c.key, withBase(op, 'StringLike')))));
  }
  const added = op.qualifier === 'ForAllValues' ? values : values.slice(0, 1);
  const written = added.map((v) => literal(v, op, policy.version === '2012-10-17'));
  const claim = keyIssuer(c.key)?.claim;
  const title = claim === 'sub' ? `Add this subject ${written.map(q).join(', ')} to ${where}` : `Add ${written.map(q).join(', ')} to ${where}`;
  out.push(
    ...only(
      edit(policy, index, title, (s) => {
        const found = entryOf(s, c.operator, c.key);
        if (!found) return false;
        const existing = found.entry.values.map(String);
        Object.assign(found.entry, conditionEntry(c.key, [...existing, ...written.filter((w) => !existing.includes(w))]));
        return true;
      }),
    ),
  );
  return out;
}

/** A request value written so the operator compares it literally (escapes only where variables exist). */
function literal(value: string, op: ParsedOperator, variablesEnabled: boolean): string {
  if (!variablesEnabled) return value;
  return op.info.comparison === 'like' ? literalForLike(value) : value.includes('${') ? literalForEquals(value) : value;
}

function setValues(s: Statement, c: ConditionTrace, values: string[]): boolean {
  const found = entryOf(s, c.operator, c.key);
  if (!found) return false;
  Object.assign(found.entry, conditionEntry(c.key, values));
  return true;
}

/** A claim AWS never sees, tested through the session tag that carries the same fact. */
function visibleKeyEdits(policy: Policy, index: number, c: ConditionTrace, request: EvaluationRequest): Candidate[] {
  const claim = keyIssuer(c.key)?.claim.toLowerCase();
  const tag = claim === undefined ? undefined : TAG_FOR_CLAIM[claim];
  if (tag === undefined) return [];
  const tagKey = `aws:RequestTag/${tag}`;
  if (!Object.keys(request.context).some((k) => k.toLowerCase() === tagKey.toLowerCase())) return [];
  return only(edit(policy, index, `Test the session tag ${tagKey} instead of ${c.key} (AWS never sees that claim)`, (s) => renameKey(s, c.operator, c.key, tagKey)));
}

function actionEdits(policy: Policy, index: number, action: string): Candidate[] {
  return only(
    edit(policy, index, action === TAG_SESSION ? 'Allow sts:TagSession too (the token carries session tags)' : `Allow ${action}`, (s) => {
      if (!s.action) return false;
      s.action = valueList([...s.action.values, action]);
      s.action.shape = 'array';
      return true;
    }),
  );
}

function principalEdits(policy: Policy, index: number, principal: string): Candidate[] {
  return only(
    edit(policy, index, `Trust the OIDC provider ${principal}`, (s) => {
      if (!s.principal || s.principal.kind !== 'map') return false;
      const federated = s.principal.entries.find((e) => e.type === 'Federated');
      if (federated) federated.values = valueList([...federated.values.values, principal]);
      else s.principal.entries.push({ type: 'Federated', values: valueList([principal]) });
      return true;
    }),
  );
}

function denyEdits(policy: Policy, index: number, result: EvaluationResult): Candidate[] {
  const trace = result.statements[index];
  const out: Candidate[] = [];
  for (const c of trace?.conditions ?? []) {
    const parsed = parseOperator(c.operator);
    if (!parsed.ok || parsed.operator.info.negated || !c.matched || !c.contextValues?.length) continue;
    const op = parsed.operator;
    if (op.info.family !== 'string' && op.info.family !== 'arn') continue;
    const hit = (v: string | number | boolean) => c.contextValues?.some(valueMatcher(op, String(v))) ?? false;
    out.push(
      ...only(
        edit(policy, index, `Stop denying ${c.contextValues.map(q).join(', ')} in the Deny statement ${index + 1} (${c.operator} ${c.key})`, (s) => {
          const found = entryOf(s, c.operator, c.key);
          if (!found) return false;
          const kept = found.entry.values.filter((v) => !hit(v));
          if (kept.length === 0 || kept.length === found.entry.values.length) return false;
          Object.assign(found.entry, conditionEntry(c.key, kept));
          return true;
        }),
      ),
    );
  }
  const without = clonePolicy(policy);
  without.statements.splice(index, 1);
  if (without.statements.length === 1 && policy.statementShape === 'scalar') without.statementShape = 'scalar';
  out.push({ title: `Remove the Deny statement ${index + 1}`, policy: without });
  return out;
}

function newStatement(policy: Policy, request: EvaluationRequest): Candidate {
  const copy = clonePolicy(policy);
  const tags = Object.keys(request.context).some((k) => k.toLowerCase().startsWith('aws:requesttag/'));
  const statement: Statement = {
    effect: 'Allow',
    principal: { kind: 'map', entries: [{ type: 'Federated', values: valueList([request.principal]) }] },
    action: valueList(tags ? [ASSUME_ROLE_WITH_WEB_IDENTITY, TAG_SESSION] : [ASSUME_ROLE_WITH_WEB_IDENTITY]),
    extra: [],
  };
  for (const claim of ['aud', 'sub']) {
    const key = Object.keys(request.context).find((k) => keyIssuer(k)?.claim === claim);
    const value = key ? request.context[key] : undefined;
    if (key && typeof value === 'string') addCondition(statement, 'StringEquals', key, [value]);
  }
  copy.statements.push(statement);
  copy.statementShape = 'array';
  return { title: 'Add an Allow statement for this token’s provider, audience and subject', policy: copy };
}

/** Whether `policy` admits `request` (both authorizations of AssumeRoleWithWebIdentity). */
export function admits(policy: Policy, request: EvaluationRequest): boolean {
  return evaluateWebIdentity(policy, request).result.decision === 'Allow';
}
