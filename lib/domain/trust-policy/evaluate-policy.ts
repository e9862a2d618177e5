// Decides a request against a trust policy the way AWS does (IAM User Guide, "Policy evaluation
// logic"): "An explicit deny in any policy overrides any allows"; otherwise a matching Allow
// statement allows; otherwise the request is implicitly denied ("By default, all requests are
// implicitly denied").
// `compilePolicy` takes a model (parsing is parsePolicy's job) and never throws, whatever it is given;
// `decide` is the allocation-light fast path, `evaluate` returns the full per-statement trace.
import type { Policy } from './model';
import type { CompiledCondition } from './internal/compile-condition';
import type { ConditionTrace } from './internal/explain-condition';
import { ContextView } from './internal/context-view';
import {
  compileStatement,
  failureReason,
  firstFailingPart,
  statementApplies,
  traceStatement,
  variablesEnabledFor,
  type CompiledStatement,
  type PartTrace,
  type ReasonMemo,
  type RequestFacts,
  type StatementTrace,
} from './internal/compile-statement';
import { principalTypeOf } from './internal/principal';

export type { ConditionTrace } from './internal/explain-condition';
export type { PartTrace, StatementTrace } from './internal/compile-statement';

export interface EvaluationRequest {
  principal: string;
  action: string;
  resource?: string;
  /** Condition keys (names are case-insensitive) and their value or values. */
  context: Record<string, string | string[]>;
}

export type Decision = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

export interface EvaluationResult {
  decision: Decision;
  statements: StatementTrace[];
}

/** A short verdict for lists (reach preview): the decision and one sentence saying why. */
export interface Diagnosis {
  decision: Decision;
  /** The statement that decided (Allow / ExplicitDeny) or came closest to allowing; -1 when none. */
  statement: number;
  reason: string;
}

export interface CompiledPolicy {
  decide(request: EvaluationRequest): Decision;
  evaluate(request: EvaluationRequest): EvaluationResult;
  diagnose(request: EvaluationRequest): Diagnosis;
}

function statementsOf(policy: Policy): Policy['statements'] {
  return policy && typeof policy === 'object' && Array.isArray(policy.statements) ? policy.statements : [];
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const variables = policy && typeof policy === 'object' ? variablesEnabledFor(policy) : false;
  const all = statementsOf(policy).map((s, i) => compileStatement(s, i, variables));
  const matchReasons = all.map((s) => `matches ${s.label}`);
  const denyReasons = all.map((s) => `explicitly denied by ${s.label}`);
  const denies = all.filter((s) => s.effect === 'Deny');
  const allows = all.filter((s) => s.effect === 'Allow');
  const view = new ContextView();
  const facts: RequestFacts = { principal: '', principalType: 'Service', action: '', lowerAction: '', resource: undefined };
  const memo = new Map<CompiledCondition, ReasonMemo>();
  let lastPrincipal: string | null = null;
  let lastAction: string | null = null;

  const load = (request: EvaluationRequest): RequestFacts => {
    const r: Partial<EvaluationRequest> = request !== null && typeof request === 'object' ? request : {};
    const principal = typeof r.principal === 'string' ? r.principal : '';
    const action = typeof r.action === 'string' ? r.action : '';
    if (principal !== lastPrincipal) {
      facts.principal = principal;
      facts.principalType = principalTypeOf(principal);
      lastPrincipal = principal;
    }
    if (action !== lastAction) {
      facts.action = action;
      facts.lowerAction = action.toLowerCase();
      lastAction = action;
    }
    facts.resource = typeof r.resource === 'string' ? r.resource : undefined;
    view.reset(r.context);
    return facts;
  };

  const decide = (request: EvaluationRequest): Decision => {
    const f = load(request);
    for (let i = 0; i < denies.length; i++) if (statementApplies(denies[i] as CompiledStatement, f, view)) return 'ExplicitDeny';
    for (let i = 0; i < allows.length; i++) if (statementApplies(allows[i] as CompiledStatement, f, view)) return 'Allow';
    return 'ImplicitDeny';
  };

  const evaluate = (request: EvaluationRequest): EvaluationResult => {
    const f = load(request);
    const statements = all.map((s) => traceStatement(s, f, view));
    let decision: Decision = 'ImplicitDeny';
    if (statements.some((t, i) => t.matched && all[i]?.effect === 'Deny')) decision = 'ExplicitDeny';
    else if (statements.some((t, i) => t.matched && all[i]?.effect === 'Allow')) decision = 'Allow';
    return { decision, statements };
  };

  const diagnose = (request: EvaluationRequest): Diagnosis => {
    const f = load(request);
    for (const s of denies) if (statementApplies(s, f, view)) return { decision: 'ExplicitDeny', statement: s.index, reason: denyReasons[s.index] ?? '' };
    // The Allow statement that got furthest explains the denial best (principal < action < resource < conditions).
    let best: CompiledStatement | null = null;
    let bestPart = -4;
    for (const s of allows) {
      const part = firstFailingPart(s, f, view);
      if (part === null) return { decision: 'Allow', statement: s.index, reason: matchReasons[s.index] ?? '' };
      if (part > bestPart) {
        best = s;
        bestPart = part;
      }
    }
    if (best === null) return { decision: 'ImplicitDeny', statement: -1, reason: 'no Allow statement in the policy' };
    return { decision: 'ImplicitDeny', statement: best.index, reason: failureReason(best, bestPart, f, view, memo) };
  };

  return { decide, evaluate, diagnose };
}

export function evaluatePolicy(policy: Policy, request: EvaluationRequest): EvaluationResult {
  return compilePolicy(policy).evaluate(request);
}

export type FirstFailure =
  | { kind: 'explicit-deny'; statement: number; sid?: string; reason: string }
  | { kind: 'principal' | 'action' | 'resource'; statement: number; sid?: string; reason: string }
  | { kind: 'condition'; statement: number; sid?: string; condition: ConditionTrace; reason: string }
  | { kind: 'no-allow-statement'; reason: string };

function sidOf(t: StatementTrace): { sid?: string } {
  return t.sid !== undefined ? { sid: t.sid } : {};
}

function progress(t: StatementTrace): number {
  if (!t.principal.matched) return 0;
  if (!t.action.matched) return 1;
  if (t.resource && !t.resource.matched) return 2;
  return 3;
}

/**
 * Names what kept the request out: the Deny statement that matched, or — in the Allow statement that
 * got furthest — the first part that failed (for the UI's "which condition failed"). Null on Allow.
 */
export function firstFailure(result: EvaluationResult): FirstFailure | null {
  if (result.decision === 'Allow') return null;
  if (result.decision === 'ExplicitDeny') {
    const t = result.statements.find((s) => s.matched && s.effect === 'Deny');
    if (t) return { kind: 'explicit-deny', statement: t.index, ...sidOf(t), reason: `Explicitly denied by statement ${t.index + 1}.` };
  }
  let best: StatementTrace | null = null;
  for (const t of result.statements) if (t.effect === 'Allow' && (best === null || progress(t) > progress(best))) best = t;
  if (best === null) return { kind: 'no-allow-statement', reason: 'The policy has no Allow statement.' };
  const part = (p: PartTrace | undefined, kind: 'principal' | 'action' | 'resource'): FirstFailure | null =>
    p && !p.matched ? { kind, statement: best.index, ...sidOf(best), reason: p.reason } : null;
  const early = part(best.principal, 'principal') ?? part(best.action, 'action') ?? part(best.resource, 'resource');
  if (early) return early;
  const condition = best.conditions.find((c) => !c.matched);
  if (condition) return { kind: 'condition', statement: best.index, ...sidOf(best), condition, reason: `${condition.operator} ${JSON.stringify(condition.key)}: ${condition.reason}` };
  return { kind: 'no-allow-statement', reason: 'No Allow statement matched.' };
}
