// Builder presets. Every preset requires aud and pins the organization in `sub` (anchored right
// after `org:<id>:`). Subject values escape `:` (claims/subject-template.ts), so a pattern that
// follows the subject template label by label, with `*` only in value positions, matches exactly the
// subjects whose fixed fields have the given values: a `*` cannot swallow a separator because every
// subject of the template has the same number of them.
import { escapeSubjectValue, type SubjectField, type SubjectTemplate } from '../claims/subject-template';
import type { BuilderModel, ConditionRow } from './builder-model';
import { DEFAULT_AUDIENCE, type ReachEnvironment } from './claims-for-environment';
import { issuerKeyPrefix, oidcProviderArn } from './derive-request';
import { literalForEquals, literalForLike } from './internal/policy-text';

export const PRESET_IDS = ['this-organization', 'this-project', 'these-environments', 'production-environments', 'custom'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetContext {
  issuer: string;
  accountId: string;
  orgId: string;
  subjectTemplate: SubjectTemplate;
  sessionTags: boolean;
  environments: ReachEnvironment[];
  projectSlug?: string;
  environmentIds?: string[];
  audience?: string;
}

export const PRODUCTION_STAGE = 'production';

function base(ctx: PresetContext, rows: ConditionRow[], note?: string): BuilderModel {
  return {
    providerArn: oidcProviderArn(ctx.issuer, ctx.accountId),
    audience: ctx.audience ?? DEFAULT_AUDIENCE,
    tagSession: ctx.sessionTags,
    rows,
    preserved: [],
    ...(note !== undefined ? { note } : {}),
  };
}

function subKey(ctx: PresetContext): string {
  return `${issuerKeyPrefix(ctx.issuer)}:sub`;
}

function row(id: string, key: string, operator: 'StringEquals' | 'StringLike', values: string[]): ConditionRow {
  return { id, key, operator, negated: false, ifExists: false, qualifier: null, values };
}

/**
 * A row following the template: fixed fields literal, the others `*` (StringLike); when every field
 * is fixed, the one exact subject (StringEquals).
 */
function templateRow(id: string, ctx: PresetContext, fixed: Partial<Record<SubjectField, string>>): ConditionRow {
  const template = ctx.subjectTemplate;
  if (template.every((field) => fixed[field] !== undefined)) {
    return row(id, subKey(ctx), 'StringEquals', [literalForEquals(template.map((field) => `${field}:${escapeSubjectValue(fixed[field] as string)}`).join(':'))]);
  }
  return row(id, subKey(ctx), 'StringLike', [template.map((field) => `${field}:${fixed[field] !== undefined ? literalForLike(escapeSubjectValue(fixed[field] as string)) : '*'}`).join(':')]);
}

/** Every subject of the organization, and nothing else. */
function orgRow(id: string, ctx: PresetContext): ConditionRow {
  const org = `org:${escapeSubjectValue(ctx.orgId)}`;
  if (ctx.subjectTemplate.length <= 1) return row(id, subKey(ctx), 'StringEquals', [literalForEquals(org)]);
  return row(id, subKey(ctx), 'StringLike', [`org:${literalForLike(escapeSubjectValue(ctx.orgId))}:*`]);
}

/** Exactly these subjects; with none, a subject no environment has (`org:<id>:`), so nothing is admitted. */
function exactSubjects(id: string, ctx: PresetContext, envs: readonly ReachEnvironment[]): ConditionRow {
  const subs = [...new Set(envs.map((e) => e.sub))];
  const values = subs.length > 0 ? subs.map(literalForEquals) : [literalForEquals(`org:${escapeSubjectValue(ctx.orgId)}:`)];
  return row(id, subKey(ctx), 'StringEquals', values);
}

/** Environments outside `chosen` that share a subject with one of them (the template cannot tell them apart). */
function sharingSubjects(ctx: PresetContext, chosen: readonly ReachEnvironment[]): ReachEnvironment[] {
  const ids = new Set(chosen.map((e) => e.id));
  const subs = new Set(chosen.map((e) => e.sub));
  return ctx.environments.filter((e) => !ids.has(e.id) && subs.has(e.sub));
}

function joinNotes(...notes: Array<string | undefined>): string | undefined {
  const present = notes.filter((n): n is string => n !== undefined && n.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}

function sharingNote(ctx: PresetContext, chosen: readonly ReachEnvironment[]): string | undefined {
  const others = sharingSubjects(ctx, chosen);
  if (others.length === 0) return undefined;
  return `The subject template gives ${others.length} other environment(s) the same sub, so they are admitted too: ${others.map((e) => `${e.projectSlug}/${e.slug}`).join(', ')}.`;
}

export function thisOrganization(ctx: PresetContext): BuilderModel {
  return base(ctx, [orgRow('this-organization-sub', ctx)]);
}

export function custom(ctx: PresetContext): BuilderModel {
  return base(ctx, [orgRow('custom-sub', ctx)], 'Starts from this organization; add rows to narrow it.');
}

export function thisProject(ctx: PresetContext): BuilderModel {
  const slug = ctx.projectSlug ?? '';
  const inProject = ctx.environments.filter((e) => e.projectSlug === slug);
  const template = ctx.subjectTemplate;
  const projectId = inProject[0]?.projectId;
  if (template.includes('project') || (template.includes('project_id') && projectId !== undefined)) {
    const fixed: Partial<Record<SubjectField, string>> = { org: ctx.orgId };
    if (template.includes('project')) fixed.project = slug;
    if (template.includes('project_id') && projectId !== undefined) fixed.project_id = projectId;
    return base(ctx, [templateRow('this-project-sub', ctx, fixed)]);
  }
  if (ctx.sessionTags) {
    return base(ctx, [orgRow('this-project-sub', ctx), row('this-project-tag', 'aws:RequestTag/project', 'StringEquals', [literalForEquals(slug)])], 'The subject template has no project field, so the project is checked with the session tag aws:RequestTag/project.');
  }
  return base(
    ctx,
    [exactSubjects('this-project-sub', ctx, inProject)],
    joinNotes(`The subject template has no project field and session tags are off, so the policy lists the ${inProject.length} current environment subject(s) of project "${slug}" exactly; environments added later are not included.`, sharingNote(ctx, inProject)),
  );
}

export function theseEnvironments(ctx: PresetContext): BuilderModel {
  const ids = new Set(ctx.environmentIds ?? []);
  const chosen = ctx.environments.filter((e) => ids.has(e.id));
  return base(ctx, [exactSubjects('these-environments-sub', ctx, chosen)], joinNotes(chosen.length === 0 ? 'No environment is chosen, so the policy admits none.' : undefined, sharingNote(ctx, chosen)));
}

export function productionEnvironments(ctx: PresetContext): BuilderModel {
  const production = ctx.environments.filter((e) => e.stage === PRODUCTION_STAGE);
  if (ctx.sessionTags) {
    return base(ctx, [orgRow('production-sub', ctx), row('production-stage', 'aws:RequestTag/stage', 'StringEquals', [PRODUCTION_STAGE])]);
  }
  if (ctx.subjectTemplate.includes('stage')) {
    return base(ctx, [templateRow('production-sub', ctx, { org: ctx.orgId, stage: PRODUCTION_STAGE })]);
  }
  return base(
    ctx,
    [exactSubjects('production-sub', ctx, production)],
    joinNotes(`The subject template has no stage field and session tags are off, so the policy lists the ${production.length} current production environment subject(s) exactly; production environments added later are not included.`, sharingNote(ctx, production)),
  );
}

export const PRESETS: Record<PresetId, (ctx: PresetContext) => BuilderModel> = {
  'this-organization': thisOrganization,
  'this-project': thisProject,
  'these-environments': theseEnvironments,
  'production-environments': productionEnvironments,
  custom,
};
