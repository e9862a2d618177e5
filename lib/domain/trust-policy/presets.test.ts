import { describe, expect, it } from 'vitest';
import type { SubjectTemplate } from '../claims/subject-template';
import { computeReach } from './compute-reach';
import { lintPolicy } from './lint-policy';
import { policyFromBuilder } from './policy-from-builder';
import { PRESETS, type PresetContext, type PresetId } from './presets';
import { renderPolicy } from './render-policy';
import { ACCOUNT, ISSUER, withSubjects, type EnvSpec } from './test-support';

const ORG = 'org_abc';
// Slugs that equal label words, prefixes of each other, and values that need escaping.
const SPECS: EnvSpec[] = [
  { id: 'e1', slug: 'dev', projectSlug: 'web', projectId: 'p1', stage: 'development' },
  { id: 'e2', slug: 'prod', projectSlug: 'web', projectId: 'p1', stage: 'production' },
  { id: 'e3', slug: 'prod', projectSlug: 'web2', projectId: 'p2', stage: 'production' },
  { id: 'e4', slug: 'environment', projectSlug: 'project', projectId: 'p3', stage: 'staging' },
  { id: 'e5', slug: 'a:b*c?', projectSlug: 'x%3Ay', projectId: 'p4', stage: 'production' },
  { id: 'e6', slug: 'org', projectSlug: 'web', projectId: 'p1', stage: 'staging' },
];

const TEMPLATES: SubjectTemplate[] = [
  ['org', 'project', 'environment'],
  ['org', 'environment', 'project'],
  ['org', 'project', 'environment', 'stage'],
  ['org', 'stage', 'environment_id'],
  ['org', 'project_id', 'environment_id'],
];

function context(template: SubjectTemplate, sessionTags: boolean, over: Partial<PresetContext> = {}): PresetContext {
  return { issuer: ISSUER, accountId: ACCOUNT, orgId: ORG, subjectTemplate: template, sessionTags, environments: withSubjects(ORG, template, SPECS), ...over };
}

function reachOf(id: PresetId, ctx: PresetContext): string[] {
  const policy = policyFromBuilder(PRESETS[id](ctx));
  // Add an environment of another organization with the same slugs: it must never be admitted.
  const foreign = withSubjects('org_abcd', ctx.subjectTemplate, SPECS.map((s) => ({ ...s, id: `x-${s.id}` })));
  return computeReach(policy, [...ctx.environments, ...foreign], { issuer: ISSUER, accountId: ACCOUNT, orgId: ORG, sessionTags: ctx.sessionTags })
    .filter((r) => r.admitted)
    .map((r) => r.environmentId);
}

describe.each(TEMPLATES.flatMap((t) => [false, true].map((tags) => [t.join(','), tags, t] as const)))('template %s, session tags %s', (_name, tags, template) => {
  it('this-organization admits every environment of the organization', () => {
    expect(reachOf('this-organization', context(template, tags))).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('custom starts from the organization', () => {
    expect(reachOf('custom', context(template, tags))).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('this-project admits exactly the project', () => {
    const ctx = context(template, tags, { projectSlug: 'web' });
    const reach = reachOf('this-project', ctx);
    const model = PRESETS['this-project'](ctx);
    if (model.note?.includes('same sub')) expect(reach).toEqual(expect.arrayContaining(['e1', 'e2', 'e6']));
    else expect(reach).toEqual(['e1', 'e2', 'e6']);
  });

  it('these-environments admits exactly the chosen ones', () => {
    expect(reachOf('these-environments', context(template, tags, { environmentIds: ['e3', 'e5'] }))).toEqual(['e3', 'e5']);
    expect(reachOf('these-environments', context(template, tags, { environmentIds: [] }))).toEqual([]);
  });

  it('production-environments admits exactly the production stage', () => {
    expect(reachOf('production-environments', context(template, tags))).toEqual(['e2', 'e3', 'e5']);
  });

  it('every preset requires aud, pins the organization and lints clean', () => {
    for (const id of Object.keys(PRESETS) as PresetId[]) {
      const ctx = context(template, tags, { projectSlug: 'web', environmentIds: ['e1'] });
      const model = PRESETS[id](ctx);
      expect(model.audience).toBe('sts.amazonaws.com');
      const policy = policyFromBuilder(model);
      expect(lintPolicy(policy, { issuer: ISSUER, orgId: ORG, sessionTags: tags }), renderPolicy(policy)).toEqual([]);
    }
  });
});

describe('preset forms', () => {
  it('uses the stage session tag when session tags are on', () => {
    const policy = JSON.parse(renderPolicy(policyFromBuilder(PRESETS['production-environments'](context(['org', 'project', 'environment'], true)))));
    expect(policy.Statement[0].Condition.StringEquals['aws:RequestTag/stage']).toBe('production');
    expect(policy.Statement[0].Action).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
  });

  it('uses a sub pattern when the template has a stage', () => {
    const policy = JSON.parse(renderPolicy(policyFromBuilder(PRESETS['production-environments'](context(['org', 'project', 'environment', 'stage'], false)))));
    expect(policy.Statement[0].Condition.StringLike['tb.example.com/oidc/org_abc:sub']).toBe('org:org_abc:project:*:environment:*:stage:production');
  });

  it('lists production subjects exactly otherwise, and says so', () => {
    const model = PRESETS['production-environments'](context(['org', 'project', 'environment'], false));
    expect(model.note).toContain('lists the 3 current production environment subject(s) exactly');
    expect(model.rows[0]?.values).toEqual(['org:org_abc:project:web:environment:prod', 'org:org_abc:project:web2:environment:prod', 'org:org_abc:project:x%253Ay:environment:a%3Ab${*}c${?}']);
  });

  it('escapes wildcard characters of the org id in patterns', () => {
    const model = PRESETS['this-organization']({ ...context(['org', 'project'], false), orgId: 'a*b?$' });
    expect(model.rows[0]?.values).toEqual(['org:a${*}b${?}${$}:*']);
  });

  it('says when the template cannot tell chosen environments apart', () => {
    const model = PRESETS['these-environments'](context(['org', 'stage'], false, { environmentIds: ['e2'] }));
    expect(model.note).toContain('2 other environment(s) the same sub');
  });
});
