import 'server-only';
import { lintPolicy, renderPolicy } from '@/lib/domain/trust-policy';

// POST /api/v1/trust-policy/lint. Malformed JSON is a finding (json-malformed), not a 400: the
// policy is the thing being checked. One-click fixes travel as the corrected IAM JSON.
export function lintTrustPolicy(input: { policy: unknown; issuer?: string | undefined; sessionTags?: boolean | undefined; orgId?: string | undefined }) {
  const findings = lintPolicy(input.policy, {
    ...(input.issuer ? { issuer: input.issuer } : {}),
    ...(input.sessionTags !== undefined ? { sessionTags: input.sessionTags } : {}),
    ...(input.orgId ? { orgId: input.orgId } : {}),
  });
  return {
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      path: f.path,
      ...(f.fix ? { fix: { title: f.fix.title, policy: JSON.parse(renderPolicy(f.fix.policy)) as unknown } } : {}),
    })),
  };
}
