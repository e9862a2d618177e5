import 'server-only';
import { checkSubjectTemplate, DEFAULT_SUBJECT_TEMPLATE } from '@/lib/domain/claims/subject-template';
import {
  checkBuilderModel,
  DEFAULT_AUDIENCE,
  MAX_TRUST_POLICY_QUOTA,
  oidcProviderArn,
  parsePolicy,
  policyFromBuilder,
  policySize,
  PRESETS,
  renderPolicy,
  type BuilderModel,
  type Policy,
} from '@/lib/domain/trust-policy';
import type { TRoleTrustPolicyInput } from '@/lib/schemas/aws';
import type { TBuilderChoice, TPolicyContext } from '@/lib/schemas/trust-policy';
import { getDb } from '../db/client';
import { AppError, badRequest } from '../errors';

// A role's trust policy arrives as IAM JSON, a builder preset, builder rows or a saved policy's id;
// it is stored as canonical IAM JSON (renderPolicy), with the builder's choice (so the builder
// reopens on it) and the saved policy it came from (a link: later edits of the saved policy do not
// change the role until it is updated with it again). Checked here, before anything is stored or
// sent to AWS: valid JSON, IAM's size quota, builder rows the JSON can hold, and an OIDC provider
// principal in the role's own account (IAM trusts providers of the same account only).

export interface TrustPolicyChoice {
  trustPolicy?: TRoleTrustPolicyInput | undefined;
  trustPolicyId?: string | undefined;
  builder?: TBuilderChoice | null | undefined;
}

export interface ResolvedTrustPolicy {
  document: string;
  /** The builder choice as stored (JSON) or null. */
  builder: string | null;
  trustPolicyId: string | null;
}

const PROBLEM_MESSAGES = {
  invalid_operator: 'This operator cannot be negated or qualified that way.',
  empty_values: 'Add at least one value.',
  empty_key: 'Enter a condition key.',
  duplicate_row: 'Another row has the same operator and key: merge their values.',
} as const;

function fromJson(value: string | Record<string, unknown>, field: string): Policy {
  const parsed = parsePolicy(value);
  if (parsed.ok) return parsed.policy;
  const first = parsed.errors[0];
  const message = first ? `${first.message} (at ${first.path}${first.line ? `, line ${first.line} column ${first.column}` : ''})` : 'The policy is not valid.';
  throw new AppError(400, 'invalid_policy', `The trust policy is not valid: ${message}`, { errors: parsed.errors.slice(0, 50), issues: [{ path: field, message }] });
}

async function fromPreset(context: TPolicyContext, orgId: string, choice: TBuilderChoice, accountId: string): Promise<Policy> {
  if (choice.preset === 'this-project') {
    if (!choice.projectSlug) throw badRequest('Choose the project.', [{ path: 'trustPolicy.projectSlug', message: 'The this-project preset needs projectSlug.' }]);
    const project = await getDb().project.findFirst({ where: { orgId, slug: choice.projectSlug }, select: { id: true } });
    if (!project) throw badRequest('No such project.', [{ path: 'trustPolicy.projectSlug', message: `This organization has no project "${choice.projectSlug}".` }]);
  }
  if (choice.preset === 'these-environments') {
    const known = new Set(context.environments.map((e) => e.id));
    const unknown = (choice.environmentIds ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) throw badRequest('No such environment.', [{ path: 'trustPolicy.environmentIds', message: `Not environments of this organization: ${unknown.join(', ')}.` }]);
  }
  const checked = checkSubjectTemplate(context.subjectTemplate);
  const model = PRESETS[choice.preset]({
    issuer: context.issuer,
    accountId,
    orgId,
    subjectTemplate: checked.ok ? checked.template : DEFAULT_SUBJECT_TEMPLATE,
    sessionTags: context.sessionTags,
    environments: context.environments,
    ...(context.audiences[0] ? { audience: context.audiences[0] } : {}),
    ...(choice.projectSlug !== undefined ? { projectSlug: choice.projectSlug } : {}),
    ...(choice.environmentIds !== undefined ? { environmentIds: choice.environmentIds } : {}),
  });
  return policyFromBuilder(model);
}

function fromRows(context: TPolicyContext, input: Extract<TRoleTrustPolicyInput, { kind: 'rows' }>['rows'], accountId: string): Policy {
  const model: BuilderModel = {
    providerArn: oidcProviderArn(context.issuer, accountId),
    audience: input.audience ?? context.audiences[0] ?? DEFAULT_AUDIENCE,
    tagSession: input.tagSession ?? context.sessionTags,
    rows: input.rows.map((row, i) => ({ id: String(i), ...row })),
    preserved: [],
  };
  const problems = checkBuilderModel(model);
  if (problems.length > 0) throw badRequest('Some builder rows cannot be expressed.', problems.map((p) => ({ path: `trustPolicy.rows.${p.rowId}`, message: PROBLEM_MESSAGES[p.code] })));
  return policyFromBuilder(model);
}

function checkProviderAccounts(policy: Policy, accountId: string, field: string): void {
  for (const statement of policy.statements) {
    const entries = statement.principal?.kind === 'map' ? statement.principal.entries : [];
    for (const entry of entries.filter((e) => e.type === 'Federated')) {
      for (const arn of entry.values.values) {
        const account = /^arn:[\w-]+:iam::([^:]*):oidc-provider\//.exec(arn)?.[1];
        if (account !== undefined && account !== accountId) {
          throw badRequest('The trust policy names a provider of another account.', [
            { path: field, message: `The trust policy trusts the OIDC provider ${arn} of account ${account}, but the role is in account ${accountId}: IAM only trusts a provider of the role's own account.` },
          ]);
        }
      }
    }
  }
}

export async function resolveRoleTrustPolicy(orgId: string, context: TPolicyContext, input: TrustPolicyChoice, accountId: string): Promise<ResolvedTrustPolicy> {
  let policy: Policy;
  let builder: TBuilderChoice | null = input.builder ?? null;
  let trustPolicyId: string | null = null;
  let field = 'trustPolicy';
  if (input.trustPolicyId !== undefined) {
    field = 'trustPolicyId';
    const saved = await getDb().trustPolicy.findFirst({ where: { id: input.trustPolicyId, orgId }, select: { id: true, document: true, builder: true } });
    if (!saved) throw badRequest('No such saved trust policy.', [{ path: field, message: 'This organization has no saved trust policy with this id.' }]);
    policy = fromJson(saved.document, field);
    builder = saved.builder === null ? null : (JSON.parse(saved.builder) as TBuilderChoice);
    trustPolicyId = saved.id;
  } else if (input.trustPolicy?.kind === 'preset') {
    policy = await fromPreset(context, orgId, input.trustPolicy.choice, accountId);
    builder = input.trustPolicy.choice;
  } else if (input.trustPolicy?.kind === 'rows') {
    policy = fromRows(context, input.trustPolicy.rows, accountId);
    builder = { preset: 'custom' };
  } else if (input.trustPolicy?.kind === 'json') {
    policy = fromJson(input.trustPolicy.policy, field);
  } else {
    throw badRequest('Send the trust policy.', [{ path: field, message: 'Send the trust policy (IAM JSON, a builder preset or builder rows), or trustPolicyId of a saved policy.' }]);
  }
  const size = policySize(policy);
  if (size > MAX_TRUST_POLICY_QUOTA) {
    throw badRequest('The trust policy is too large for IAM.', [{ path: field, message: `The trust policy has ${size} characters without white space; IAM accepts at most ${MAX_TRUST_POLICY_QUOTA} (2048 by default).` }]);
  }
  checkProviderAccounts(policy, accountId, field);
  return { document: renderPolicy(policy), builder: builder === null ? null : JSON.stringify(builder), trustPolicyId };
}
