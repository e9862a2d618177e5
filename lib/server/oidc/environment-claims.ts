import 'server-only';
import { buildIdTokenClaims, type IdTokenClaims } from '@/lib/domain/claims/id-token-claims';
import { renderSubject, type SubjectTemplate } from '@/lib/domain/claims/subject-template';
import type { TSubjectPreview } from '@/lib/schemas/issuer';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { issuerFor } from './issuer';
import { readIssuerSettings } from './issuer-settings';

// Unsigned previews of what an environment's ID token carries (members may see these; minting a
// signed token is the environment's own business).

export async function previewEnvironmentClaims(access: OrgAccess, envId: string, audience?: string, now = new Date()): Promise<IdTokenClaims> {
  const db = getDb();
  const [env, settingsRow] = await Promise.all([
    db.environment.findFirst({ where: { id: envId, orgId: access.orgId }, include: { project: { select: { id: true, slug: true } }, org: { select: { slug: true } } } }),
    db.issuerSettings.findUnique({ where: { orgId: access.orgId } }),
  ]);
  if (!env || !settingsRow) throw notFound('environment');
  const settings = readIssuerSettings(settingsRow);
  const seconds = Math.floor(now.getTime() / 1000);
  return buildIdTokenClaims(
    { orgId: access.orgId, orgSlug: env.org.slug, projectId: env.project.id, projectSlug: env.project.slug, environmentId: env.id, environmentSlug: env.slug, stage: env.stage },
    {
      issuer: issuerFor(access.orgId),
      audience: audience ?? settings.audiences[0] ?? 'sts.amazonaws.com',
      now: seconds,
      lifetimeSeconds: settings.tokenLifetimeSeconds,
      jti: '(assigned when issued)',
      subjectTemplate: settings.subjectTemplate,
      sessionTags: settings.sessionTags,
    },
  );
}

/** Hook for the trust-policy engine: which saved policies change whom they admit. */
export type PolicyImpact = TSubjectPreview['policies'];
export type PolicyImpactFn = (access: OrgAccess, environments: SubjectPreviewEnvironment[], before: SubjectTemplate, after: SubjectTemplate) => Promise<PolicyImpact>;
export interface SubjectPreviewEnvironment {
  id: string;
  name: string;
  slug: string;
  stage: string;
  projectId: string;
  projectSlug: string;
}

export async function previewSubjectChange(access: OrgAccess, next: SubjectTemplate, impact?: PolicyImpactFn): Promise<TSubjectPreview> {
  const db = getDb();
  const [settingsRow, envs] = await Promise.all([
    db.issuerSettings.findUnique({ where: { orgId: access.orgId } }),
    db.environment.findMany({ where: { orgId: access.orgId }, include: { project: { select: { slug: true } } }, orderBy: { id: 'asc' }, take: 10_000 }),
  ]);
  if (!settingsRow) throw notFound('organization');
  const current = readIssuerSettings(settingsRow).subjectTemplate;
  const environments: SubjectPreviewEnvironment[] = envs.map((e) => ({ id: e.id, name: e.name, slug: e.slug, stage: e.stage, projectId: e.projectId, projectSlug: e.project.slug }));
  const subject = (template: SubjectTemplate, e: SubjectPreviewEnvironment) =>
    renderSubject(template, { orgId: access.orgId, projectId: e.projectId, projectSlug: e.projectSlug, environmentId: e.id, environmentSlug: e.slug, stage: e.stage });
  return {
    changed: current.join(':') !== next.join(':'),
    environments: environments.map((e) => ({ environmentId: e.id, name: e.name, projectSlug: e.projectSlug, slug: e.slug, before: subject(current, e), after: subject(next, e) })),
    policies: impact ? await impact(access, environments, current, next) : [],
  };
}
