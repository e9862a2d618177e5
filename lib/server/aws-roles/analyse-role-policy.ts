import 'server-only';
import { computeReach, DEFAULT_AUDIENCE, lintPolicy, parsePolicy } from '@/lib/domain/trust-policy';
import type { TAwsRole, TReachSummary } from '@/lib/schemas/aws';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import type { OrgAccess } from '../auth/org-access';
import { AppError } from '../errors';
import { policyContext } from '../trust-policies/policy-context';

// Before a role's trust policy is recorded or applied: lint it for this organization (errors block,
// warnings travel with the answer) and compute its reach — which of the organization's
// environments it admits in the role's account.

export interface RoleAnalysis {
  findings: NonNullable<TAwsRole['findings']>;
  reach: TReachSummary | null;
}

const ADMITTED_LISTED = 100;

/** The environments the policy admits in the role's account (null when the evaluator cannot read it). */
export function reachSummary(context: TPolicyContext, document: string, accountId: string): TReachSummary | null {
  const parsed = parsePolicy(document);
  if (!parsed.ok) return null;
  const audience = context.audiences.includes(DEFAULT_AUDIENCE) ? DEFAULT_AUDIENCE : (context.audiences[0] ?? DEFAULT_AUDIENCE);
  const results = computeReach(parsed.policy, context.environments, { issuer: context.issuer, accountId, orgId: context.orgId, audience, sessionTags: context.sessionTags });
  const admittedIds = new Set(results.filter((r) => r.admitted).map((r) => r.environmentId));
  const admitted = context.environments.filter((e) => admittedIds.has(e.id));
  return {
    admittedCount: admitted.length,
    total: context.environments.length,
    admitted: admitted.slice(0, ADMITTED_LISTED).map((e) => ({ id: e.id, name: e.name, slug: e.slug, projectSlug: e.projectSlug, stage: e.stage })),
    truncated: admitted.length > ADMITTED_LISTED || context.truncated,
  };
}

export function analyseRolePolicy(context: TPolicyContext, document: string, accountId: string): RoleAnalysis {
  const findings = lintPolicy(document, { issuer: context.issuer, orgId: context.orgId, sessionTags: context.sessionTags }).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, path: f.path }));
  return { findings, reach: reachSummary(context, document, accountId) };
}

export async function analyseRole(access: OrgAccess, document: string, accountId: string): Promise<RoleAnalysis> {
  return analyseRolePolicy(await policyContext(access), document, accountId);
}

/** Lint errors block recording and applying a trust policy: 400 lint_errors with the findings. */
export function assertNoLintErrors(analysis: RoleAnalysis, field = 'trustPolicy'): void {
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new AppError(400, 'lint_errors', `The trust policy has ${errors.length} error(s): ${errors.map((e) => e.message).join(' ')}`, {
    findings: analysis.findings,
    issues: errors.map((e) => ({ path: field, message: `${e.message} (${e.rule} at ${e.path})` })),
  });
}
