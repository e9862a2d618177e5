// One statement, compiled. A statement applies when its principal (or NotPrincipal), action (or
// NotAction), resource (when the statement has one and the request names one) and every condition
// match (IAM User Guide: "All context keys in a condition element block must resolve to true").
// Models built by hand or from untrusted JSON are read defensively: a malformed part never matches.
import type { Policy, PrincipalType, Statement, ValueList } from '../model';
import { anyValueMatches, compileCondition, conditionHolds, type CompiledCondition } from './compile-condition';
import { q } from './describe';
import { explainCondition, quickFailureReason, traceCondition, type ConditionTrace } from './explain-condition';
import type { ContextView } from './context-view';
import { compilePrincipal, principalMatches, type CompiledPrincipal } from './principal';
import { compileWildcard, matches, type Matcher } from './wildcard';

export interface PartTrace {
  matched: boolean;
  reason: string;
}

export interface StatementTrace {
  index: number;
  sid?: string;
  effect: string;
  matched: boolean;
  principal: PartTrace;
  action: PartTrace;
  resource?: PartTrace;
  conditions: ConditionTrace[];
}

export interface RequestFacts {
  principal: string;
  principalType: PrincipalType;
  action: string;
  lowerAction: string;
  resource: string | undefined;
}

export interface CompiledStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny' | null;
  writtenEffect: string;
  principal: CompiledPrincipal | null;
  principalNegated: boolean;
  actions: Matcher[] | null;
  actionsWritten: string[];
  actionNegated: boolean;
  resource: CompiledCondition | null;
  resourceNegated: boolean;
  conditions: CompiledCondition[];
  /** `statement N ("sid")`, used in one-line reasons. */
  label: string;
  /** Per condition: `statement N: Operator "key": `. */
  conditionPrefixes: string[];
}

function listOf(list: ValueList | undefined): string[] | null {
  if (!list || typeof list !== 'object' || !Array.isArray(list.values)) return null;
  return list.values.filter((v): v is string => typeof v === 'string');
}

export function compileStatement(statement: Statement, index: number, variablesEnabled: boolean): CompiledStatement {
  const s: Partial<Statement> = statement && typeof statement === 'object' ? statement : {};
  const effect = s.effect === 'Allow' || s.effect === 'Deny' ? s.effect : null;
  const principalNegated = s.principal === undefined && s.notPrincipal !== undefined;
  const actionNegated = s.action === undefined && s.notAction !== undefined;
  const actionsWritten = listOf(actionNegated ? s.notAction : s.action);
  const resourceNegated = s.resource === undefined && s.notResource !== undefined;
  const resources = listOf(resourceNegated ? s.notResource : s.resource);
  const conditions: CompiledCondition[] = [];
  if (Array.isArray(s.condition)) {
    for (const block of s.condition) {
      if (!block || typeof block.operator !== 'string' || !Array.isArray(block.entries)) continue;
      for (const entry of block.entries) {
        if (!entry || typeof entry.key !== 'string') continue;
        conditions.push(compileCondition(block.operator, entry.key, Array.isArray(entry.values) ? entry.values : [], variablesEnabled));
      }
    }
  }
  const label = typeof s.sid === 'string' ? `statement ${index + 1} (${q(s.sid)})` : `statement ${index + 1}`;
  return {
    index,
    ...(typeof s.sid === 'string' ? { sid: s.sid } : {}),
    label,
    conditionPrefixes: conditions.map((c) => `${label}: ${c.operator} ${q(c.key)}: `),
    effect,
    writtenEffect: typeof s.effect === 'string' ? s.effect : String(s.effect),
    principal: compilePrincipal(principalNegated ? s.notPrincipal : s.principal),
    principalNegated,
    actions: actionsWritten ? actionsWritten.map((a) => compileWildcard(a.toLowerCase())) : null,
    actionsWritten: actionsWritten ?? [],
    actionNegated,
    resource: resources ? compileCondition('ArnLike', '', resources, variablesEnabled) : null,
    resourceNegated,
    conditions,
  };
}

export function variablesEnabledFor(policy: Policy): boolean {
  return policy.version === '2012-10-17';
}

function principalOk(s: CompiledStatement, f: RequestFacts): boolean {
  if (s.principal === null) return true;
  return principalMatches(s.principal, f.principal, f.principalType) !== s.principalNegated;
}

function actionOk(s: CompiledStatement, f: RequestFacts): boolean {
  if (s.actions === null) return false;
  let hit = false;
  for (const m of s.actions) {
    if (matches(m, f.lowerAction)) {
      hit = true;
      break;
    }
  }
  return hit !== s.actionNegated;
}

function resourceOk(s: CompiledStatement, f: RequestFacts, view: ContextView): boolean {
  if (s.resource === null || f.resource === undefined) return true;
  return anyValueMatches(s.resource, view, f.resource) !== s.resourceNegated;
}

/** Index of the first failing part: -3 principal, -2 action, -1 resource, n ≥ 0 condition n; null when all hold. */
export function firstFailingPart(s: CompiledStatement, f: RequestFacts, view: ContextView): number | null {
  if (s.effect === null) return -2;
  if (!principalOk(s, f)) return -3;
  if (!actionOk(s, f)) return -2;
  if (!resourceOk(s, f, view)) return -1;
  for (let i = 0; i < s.conditions.length; i++) if (!conditionHolds(s.conditions[i] as CompiledCondition, view)) return i;
  return null;
}

export function statementApplies(s: CompiledStatement, f: RequestFacts, view: ContextView): boolean {
  if (s.effect === null || !principalOk(s, f) || !actionOk(s, f) || !resourceOk(s, f, view)) return false;
  for (const c of s.conditions) if (!conditionHolds(c, view)) return false;
  return true;
}


function principalTrace(s: CompiledStatement, f: RequestFacts): PartTrace {
  const matched = principalOk(s, f);
  const who = `${q(f.principal)} (${f.principalType})`;
  if (s.principal === null) return { matched, reason: 'The statement names no Principal, so it applies to any principal.' };
  if (s.principal.any) return { matched, reason: s.principalNegated ? `NotPrincipal "*" excludes every principal.` : `Principal "*" matches every principal.` };
  const listed = matched !== s.principalNegated;
  if (s.principalNegated) {
    return { matched, reason: listed ? `${who} is listed in NotPrincipal (${s.principal.written}).` : `${who} is not listed in NotPrincipal (${s.principal.written}), so the statement applies.` };
  }
  return { matched, reason: listed ? `${who} matches Principal ${s.principal.written}.` : `${who} is not in Principal ${s.principal.written}.` };
}

function actionTrace(s: CompiledStatement, f: RequestFacts): PartTrace {
  const matched = actionOk(s, f);
  if (s.effect === null) return { matched: false, reason: `Effect ${q(s.writtenEffect)} is neither "Allow" nor "Deny", so the statement never applies.` };
  if (s.actions === null) return { matched: false, reason: 'The statement has no Action or NotAction, so it never applies.' };
  const written = s.actionsWritten.map(q).join(', ');
  const element = s.actionNegated ? 'NotAction' : 'Action';
  const hit = matched !== s.actionNegated;
  if (s.actionNegated) {
    return { matched, reason: hit ? `${q(f.action)} matches NotAction ${written}, so the statement does not apply.` : `${q(f.action)} is not among NotAction ${written}, so the statement applies.` };
  }
  return { matched, reason: hit ? `${q(f.action)} matches ${element} ${written} (action names are case-insensitive).` : `${q(f.action)} does not match ${element} ${written}.` };
}

function resourceTrace(s: CompiledStatement, f: RequestFacts, view: ContextView): PartTrace | undefined {
  if (s.resource === null) return undefined;
  const element = s.resourceNegated ? 'NotResource' : 'Resource';
  const written = s.resource.policyValues.map(q).join(', ');
  if (f.resource === undefined) return { matched: true, reason: `The request names no resource, so ${element} is not checked.` };
  const matched = resourceOk(s, f, view);
  const hit = matched !== s.resourceNegated;
  return { matched, reason: `${q(f.resource)} ${hit ? 'matches' : 'does not match'} ${element} ${written}.` };
}

export function traceStatement(s: CompiledStatement, f: RequestFacts, view: ContextView): StatementTrace {
  const principal = principalTrace(s, f);
  const action = actionTrace(s, f);
  const resource = resourceTrace(s, f, view);
  const conditions = s.conditions.map((c) => traceCondition(c, view));
  const matched = s.effect !== null && principal.matched && action.matched && (resource?.matched ?? true) && conditions.every((c) => c.matched);
  return {
    index: s.index,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.writtenEffect,
    matched,
    principal,
    action,
    ...(resource ? { resource } : {}),
    conditions,
  };
}

export interface ReasonMemo {
  byValue: Map<string, string>;
  hits: number;
  misses: number;
}

/**
 * The one-line reason for a failing part, `statement N: …`. For a condition without variables whose
 * key has one request value the reason depends only on that value, so it is memoized per condition
 * (the reach preview meets the same values again and again) until the memo proves useless.
 */
export function failureReason(s: CompiledStatement, part: number, f: RequestFacts, view: ContextView, memos: Map<CompiledCondition, ReasonMemo>): string {
  const c = part >= 0 ? s.conditions[part] : undefined;
  if (!c || c.dynamic) return `${s.label}: ${describeFailingPart(s, part, f, view)}`;
  const read = view.get(c.key, c.lowerKey);
  if (typeof read !== 'string') return `${s.label}: ${describeFailingPart(s, part, f, view)}`;
  let memo = memos.get(c);
  if (!memo) memos.set(c, (memo = { byValue: new Map(), hits: 0, misses: 0 }));
  const useMemo = memo.misses < 512 || memo.hits * 4 >= memo.misses;
  if (useMemo) {
    const hit = memo.byValue.get(read);
    if (hit !== undefined) {
      memo.hits++;
      return hit;
    }
    memo.misses++;
  }
  const quick = quickFailureReason(c, read);
  const reason = quick !== null ? (s.conditionPrefixes[part] ?? '') + quick : `${s.label}: ${describeFailingPart(s, part, f, view)}`;
  if (useMemo) {
    if (memo.byValue.size >= 4096) memo.byValue.clear();
    memo.byValue.set(read, reason);
  }
  return reason;
}

export function describeFailingPart(s: CompiledStatement, part: number, f: RequestFacts, view: ContextView): string {
  if (part === -3) return principalTrace(s, f).reason;
  if (part === -2) return actionTrace(s, f).reason;
  if (part === -1) return resourceTrace(s, f, view)?.reason ?? '';
  const c = s.conditions[part];
  if (!c) return '';
  return `${c.operator} ${q(c.key)}: ${explainCondition(c, view).reason}`;
}
