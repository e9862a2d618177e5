import { checkSubjectTemplate, DEFAULT_SUBJECT_TEMPLATE, type SubjectTemplate } from '@/lib/domain/claims/subject-template';
import { builderFromPolicy, issuerKeyPrefix, parsePolicy, PRESETS, providerPrefix, type BuilderModel, type PresetContext, type PresetId } from '@/lib/domain/trust-policy';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';

// Glue between the context endpoint, the builder model and the presets.

/** Until an account id is typed, previews use AWS's documentation example account. */
export const PREVIEW_ACCOUNT = '111122223333';
const PROVIDER_ARN = /^arn:aws:iam::([^:]*):oidc-provider\//;

export function subjectTemplateOf(context: TPolicyContext): SubjectTemplate {
  const checked = checkSubjectTemplate(context.subjectTemplate);
  return checked.ok ? checked.template : DEFAULT_SUBJECT_TEMPLATE;
}

/** The account id written in the provider ARN ('' when there is none). */
export function accountIdOf(providerArn: string): string {
  return PROVIDER_ARN.exec(providerArn)?.[1] ?? '';
}

/** The provider ARN with another account id; keeps the provider it names (ours when there is none). */
export function withAccountId(providerArn: string, accountId: string, issuer: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${providerPrefix(providerArn) ?? issuerKeyPrefix(issuer)}`;
}

/** The provider ARN names another issuer than this organization's. */
export function isForeignProvider(providerArn: string, issuer: string): boolean {
  const prefix = providerPrefix(providerArn);
  return prefix !== null && prefix !== issuerKeyPrefix(issuer);
}

export function presetContext(context: TPolicyContext, model: BuilderModel, options: { projectSlug?: string; environmentIds?: string[] } = {}): PresetContext {
  return {
    issuer: context.issuer,
    accountId: accountIdOf(model.providerArn),
    orgId: context.orgId,
    subjectTemplate: subjectTemplateOf(context),
    sessionTags: context.sessionTags,
    environments: context.environments,
    ...(model.audience ? { audience: model.audience } : context.audiences[0] ? { audience: context.audiences[0] } : {}),
    ...(options.projectSlug !== undefined ? { projectSlug: options.projectSlug } : {}),
    ...(options.environmentIds !== undefined ? { environmentIds: options.environmentIds } : {}),
  };
}

/** A new policy starts as "this organization", without an account id yet. */
export function initialModel(context: TPolicyContext): BuilderModel {
  const empty: BuilderModel = { providerArn: '', audience: context.audiences[0] ?? '', tagSession: context.sessionTags, rows: [], preserved: [] };
  return PRESETS['this-organization'](presetContext(context, empty));
}

/** The saved document as a builder model (what rows cannot express goes to `preserved`). */
export function modelFromDocument(document: unknown, issuer: string): BuilderModel | null {
  const parsed = parsePolicy(document);
  return parsed.ok ? builderFromPolicy(parsed.policy, { issuer }).model : null;
}

export const PRESET_LABELS: Record<PresetId, { title: string; description: string }> = {
  'this-organization': { title: 'This organization', description: 'Every environment of this organization, and nothing else.' },
  'this-project': { title: 'This project', description: 'Every environment of one project.' },
  'these-environments': { title: 'These environments', description: 'Exactly the environments you choose.' },
  'production-environments': { title: 'All production environments', description: 'Environments whose stage is production.' },
  custom: { title: 'Custom', description: 'Start from this organization and add your own rows.' },
};
