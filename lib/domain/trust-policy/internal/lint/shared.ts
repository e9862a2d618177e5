// Shared vocabulary of the lint rules: findings, paths, and how a statement's OIDC prefix is found.
import type { ConditionBlock, ConditionEntry, Policy, Statement } from '../../model';
import { parseOperator, type ParsedOperator } from '../operators';
import { formatPath, type PathSegment } from '../path';

export type LintRule =
  | 'json-malformed'
  | 'policy-invalid'
  | 'missing-aud-condition'
  | 'missing-sub-condition'
  | 'sub-not-anchored'
  | 'wildcard-in-string-equals'
  | 'string-like-without-wildcard'
  | 'forallvalues-single-valued-key'
  | 'invisible-claim'
  | 'foreign-issuer-key'
  | 'action-principal-mismatch'
  | 'federated-not-oidc-provider'
  | 'missing-tag-session'
  | 'public-principal'
  | 'allow-with-not-principal'
  | 'missing-principal'
  | 'other-principal'
  | 'provider-not-trusted'
  | 'policy-size-over-default-quota'
  | 'policy-size-over-maximum';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: LintRule;
  severity: Severity;
  message: string;
  path: string;
  /** A one-click fix: the whole policy with the problem corrected. */
  fix?: { title: string; policy: Policy };
}

export interface LintOptions {
  /** This organization's issuer URL (https://…/oidc/<orgId>). */
  issuer?: string;
  /** Session tags are on: the token carries `https://aws.amazon.com/tags` and needs sts:TagSession. */
  sessionTags?: boolean;
  orgId?: string;
}

export interface LintContext {
  policy: Policy;
  options: LintOptions;
  /** Condition-key prefix of `options.issuer`, when given. */
  issuerPrefix: string | null;
}

export function statementPath(policy: Policy, index: number): PathSegment[] {
  return policy.statementShape === 'scalar' && policy.statements.length === 1 ? ['Statement'] : ['Statement', index];
}

export function pathOf(policy: Policy, index: number, ...rest: PathSegment[]): string {
  return formatPath([...statementPath(policy, index), ...rest]);
}

export interface EntryRef {
  block: ConditionBlock;
  entry: ConditionEntry;
  op: ParsedOperator | null;
}

export function conditionEntries(s: Statement): EntryRef[] {
  const out: EntryRef[] = [];
  for (const block of s.condition ?? []) {
    const parsed = parseOperator(block.operator);
    for (const entry of block.entries) out.push({ block, entry, op: parsed.ok ? parsed.operator : null });
  }
  return out;
}

export function entryPath(policy: Policy, index: number, ref: EntryRef): string {
  return pathOf(policy, index, 'Condition', ref.block.operator, ref.entry.key);
}

const OIDC_PROVIDER = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/(\S+)$/;

export function parseProviderArn(arn: string): { partition: string; account: string; path: string } | null {
  const m = OIDC_PROVIDER.exec(arn);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { partition: arn.split(':')[1] ?? 'aws', account: m[1], path: m[2] };
}

export function federatedValues(s: Statement): string[] {
  if (!s.principal || s.principal.kind !== 'map') return [];
  return s.principal.entries.filter((e) => e.type === 'Federated').flatMap((e) => e.values.values);
}

/** An Allow statement for an IAM OIDC provider: the statements the OIDC rules look at. */
export function isWebIdentityAllow(s: Statement): boolean {
  return s.effect === 'Allow' && federatedValues(s).some((v) => parseProviderArn(v) !== null);
}

/** Condition-key prefixes that belong to the statement's issuer. */
export function prefixesFor(s: Statement, ctx: LintContext): string[] {
  if (ctx.issuerPrefix !== null) return [ctx.issuerPrefix];
  const out: string[] = [];
  for (const v of federatedValues(s)) {
    const p = parseProviderArn(v);
    if (p && !out.includes(p.path)) out.push(p.path);
  }
  return out;
}

/**
 * The issuer part of an OIDC condition key (`host/path:claim` → `host/path`), or null for service keys.
 * A local http issuer's prefix carries its port (`localhost:3000/oidc/<id>:sub`, issuerKeyPrefix):
 * `host:digits/` is part of the issuer, and its claim follows the next colon.
 */
export function keyIssuer(key: string): { issuer: string; claim: string } | null {
  const port = /^[^:/]+:\d+\//.exec(key);
  const colon = key.indexOf(':', port ? port[0].length : 0);
  if (colon <= 0) return null;
  const issuer = key.slice(0, colon);
  if (!port && !issuer.includes('.')) return null;
  return { issuer, claim: key.slice(colon + 1) };
}

export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function stringValues(entry: ConditionEntry): string[] {
  return entry.values.map(String);
}
