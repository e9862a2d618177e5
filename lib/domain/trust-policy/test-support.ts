// Shared fixtures for the trust-policy tests (not part of the public API).
import { renderSubject, type SubjectTemplate } from '../claims/subject-template';
import type { ReachEnvironment } from './claims-for-environment';

export const ISSUER = 'https://tb.example.com/oidc/org_abc';
export const ACCOUNT = '111122223333';

export interface EnvSpec {
  id: string;
  slug: string;
  projectSlug: string;
  projectId: string;
  stage: string;
}

export function withSubjects(orgId: string, template: SubjectTemplate, specs: readonly EnvSpec[]): ReachEnvironment[] {
  return specs.map((s) => ({
    ...s,
    sub: renderSubject(template, { orgId, projectId: s.projectId, projectSlug: s.projectSlug, environmentId: s.id, environmentSlug: s.slug, stage: s.stage }),
  }));
}
