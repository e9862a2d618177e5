import 'server-only';
import { renderSubject, type SubjectTemplate } from '@/lib/domain/claims/subject-template';
import { compilePolicy, computeReach, parsePolicy, type ReachEnvironment } from '@/lib/domain/trust-policy';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import type { PolicyImpact, SubjectPreviewEnvironment } from '../oidc/environment-claims';
import { issuerFor } from '../oidc/issuer';
import { readIssuerSettings } from '../oidc/issuer-settings';

// Issue 3.4 / 4.5: before the subject template changes, show which saved trust policies stop (or
// start) admitting which environments — the reach of each policy under the old and new subjects.
export async function policyImpactOfSubjectChange(access: OrgAccess, environments: SubjectPreviewEnvironment[], before: SubjectTemplate, after: SubjectTemplate): Promise<PolicyImpact> {
  const db = getDb();
  const [policies, settingsRow] = await Promise.all([db.trustPolicy.findMany({ where: { orgId: access.orgId }, select: { id: true, name: true, document: true } }), db.issuerSettings.findUnique({ where: { orgId: access.orgId } })]);
  const sessionTags = settingsRow ? readIssuerSettings(settingsRow).sessionTags : false;
  const issuer = issuerFor(access.orgId);
  const withTemplate = (template: SubjectTemplate): ReachEnvironment[] =>
    environments.map((e) => ({
      id: e.id,
      slug: e.slug,
      projectSlug: e.projectSlug,
      projectId: e.projectId,
      stage: e.stage,
      sub: renderSubject(template, { orgId: access.orgId, projectId: e.projectId, projectSlug: e.projectSlug, environmentId: e.id, environmentSlug: e.slug, stage: e.stage }),
    }));
  const envsBefore = withTemplate(before);
  const envsAfter = withTemplate(after);
  const names = new Map(environments.map((e) => [e.id, e.name]));
  const impact: PolicyImpact = [];
  for (const policy of policies) {
    const parsed = parsePolicy(policy.document);
    if (!parsed.ok) continue;
    const compiled = compilePolicy(parsed.policy);
    const account = /"arn:aws[\w-]*:iam::(\d{12}):oidc-provider\//.exec(policy.document)?.[1] ?? '000000000000';
    const ctx = { issuer, accountId: account, orgId: access.orgId, sessionTags };
    const was = computeReach(compiled, envsBefore, ctx);
    const will = computeReach(compiled, envsAfter, ctx);
    const stops: { environmentId: string; name: string }[] = [];
    const starts: { environmentId: string; name: string }[] = [];
    was.forEach((r, i) => {
      const next = will[i];
      if (!next || r.admitted === next.admitted) return;
      (r.admitted ? stops : starts).push({ environmentId: r.environmentId, name: names.get(r.environmentId) ?? r.environmentId });
    });
    impact.push({ policyId: policy.id, name: policy.name, stopsAdmitting: stops, startsAdmitting: starts });
  }
  return impact;
}
