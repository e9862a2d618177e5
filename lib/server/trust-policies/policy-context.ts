import 'server-only';
import { renderSubject, type SubjectTemplate } from '@/lib/domain/claims/subject-template';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { issuerFor } from '../oidc/issuer';
import { readIssuerSettings } from '../oidc/issuer-settings';

// Everything the builder needs to preview reach in the browser: the issuer, its settings and every
// environment with the subject it carries today. (The engine runs client-side: recomputing as the
// user types costs no round trip.)

export const REACH_ENVIRONMENT_LIMIT = 100_000;

export async function policyContext(access: OrgAccess): Promise<TPolicyContext> {
  const db = getDb();
  const [row, envs] = await Promise.all([
    db.issuerSettings.findUnique({ where: { orgId: access.orgId } }),
    db.environment.findMany({
      where: { orgId: access.orgId },
      select: { id: true, name: true, slug: true, stage: true, projectId: true, project: { select: { slug: true } } },
      orderBy: { id: 'asc' },
      take: REACH_ENVIRONMENT_LIMIT + 1,
    }),
  ]);
  if (!row) throw notFound('organization');
  const settings = readIssuerSettings(row);
  const template: SubjectTemplate = settings.subjectTemplate;
  return {
    orgId: access.orgId,
    issuer: issuerFor(access.orgId),
    audiences: settings.audiences,
    sessionTags: settings.sessionTags,
    subjectTemplate: [...template],
    truncated: envs.length > REACH_ENVIRONMENT_LIMIT,
    environments: envs.slice(0, REACH_ENVIRONMENT_LIMIT).map((e) => ({
      id: e.id,
      name: e.name,
      slug: e.slug,
      projectSlug: e.project.slug,
      projectId: e.projectId,
      stage: e.stage,
      sub: renderSubject(template, { orgId: access.orgId, projectId: e.projectId, projectSlug: e.project.slug, environmentId: e.id, environmentSlug: e.slug, stage: e.stage }),
    })),
  };
}
