'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { ConditionRows } from '@/components/trust-policy/builder/condition-rows';
import { accountIdOf, initialModel, modelFromDocument, PREVIEW_ACCOUNT, withAccountId } from '@/components/trust-policy/builder/builder-context';
import { PresetPicker } from '@/components/trust-policy/builder/preset-picker';
import { ProviderSettings } from '@/components/trust-policy/builder/provider-settings';
import { useBuilderModel } from '@/components/trust-policy/builder/use-builder-model';
import { LintPanel } from '@/components/trust-policy/lint-panel';
import { PolicyJson } from '@/components/trust-policy/policy-json';
import { PreservedParts } from '@/components/trust-policy/preserved-parts';
import { ReachPreview } from '@/components/trust-policy/reach-preview';
import { Alert } from '@/components/ui/alert';
import { ChoiceCards } from '@/components/ui/choice-cards';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { trustPoliciesQuery, trustPolicyQuery } from '@/lib/client/queries/trust-policies';
import { ACCOUNT_ID_PATTERN } from '@/lib/domain/aws/limits';
import { builderFromPolicy, checkBuilderModel, lintChecks, lintPolicy, parsePolicy, policyFromBuilder, renderPolicy, type Finding, type Policy } from '@/lib/domain/trust-policy';
import type { TBuilderChoice, TPolicyContext } from '@/lib/schemas/trust-policy';

// The role's trust policy: built here with the trust-policy builder's own pieces (presets,
// condition rows, provider settings, lint, live JSON, reach preview) or taken from a saved policy.
// Either way the reach preview shows which environments it admits before anything reaches AWS.

export type Source = 'build' | 'saved';

export interface TrustPolicyStart {
  /** The trust policy document to open the builder on (a role being edited), else the "this organization" preset. */
  document?: Record<string, unknown>;
  choice?: TBuilderChoice | null;
  trustPolicyId?: string | null;
  accountId?: string;
}

export function useRoleTrustPolicy(orgId: string, context: TPolicyContext, start: TrustPolicyStart) {
  const [source, setSource] = useState<Source>(start.trustPolicyId ? 'saved' : 'build');
  const [initial] = useState(() => {
    const opened = start.document ? modelFromDocument(start.document, context.issuer) : null;
    const model = opened ?? initialModel(context);
    return start.accountId && !opened ? { ...model, providerArn: withAccountId(model.providerArn, start.accountId, context.issuer) } : model;
  });
  const builder = useBuilderModel(initial, start.document ? (start.choice ?? null) : { preset: 'this-organization' });
  const [savedId, setSavedId] = useState(start.trustPolicyId ?? '');
  const [savedAccount, setSavedAccount] = useState(start.accountId ?? '');
  const saved = useQuery({ ...trustPolicyQuery(orgId, savedId), enabled: source === 'saved' && savedId !== '' });

  const builtPolicy = useMemo(() => policyFromBuilder(builder.model), [builder.model]);
  const savedPolicy = useMemo(() => {
    const parsed = saved.data ? parsePolicy(saved.data.document) : null;
    return parsed?.ok ? parsed.policy : null;
  }, [saved.data]);
  const accountId = source === 'build' ? accountIdOf(builder.model.providerArn) : savedAccount.trim();
  const policy: Policy | null = source === 'build' ? builtPolicy : savedPolicy;
  const lintOptions = useMemo(() => ({ issuer: context.issuer, orgId: context.orgId, sessionTags: context.sessionTags }), [context.issuer, context.orgId, context.sessionTags]);
  const findings = useMemo(() => (policy ? lintPolicy(policy, lintOptions) : []), [policy, lintOptions]);
  const problems = useMemo(() => (source === 'build' ? checkBuilderModel(builder.model) : []), [source, builder.model]);
  return {
    source,
    setSource,
    builder,
    savedId,
    setSavedId,
    savedAccount,
    setSavedAccount,
    saved,
    accountId,
    policy,
    lintOptions,
    findings,
    problems,
    /** Lint errors or builder problems block recording the role (the server would refuse them too). */
    blocking: findings.filter((f) => f.severity === 'error').length + problems.length,
    /** What the API takes: the builder's policy as IAM JSON with the builder's choice, or the saved policy's id. */
    payload(): { trustPolicy: string; builder: TBuilderChoice | null } | { trustPolicyId: string } | null {
      if (source === 'saved') return savedId ? { trustPolicyId: savedId } : null;
      return { trustPolicy: renderPolicy(builtPolicy), builder: builder.choiceToSave };
    },
  };
}

export type RoleTrustPolicyState = ReturnType<typeof useRoleTrustPolicy>;

/** Build here or pick a saved policy; then lint, JSON and the reach preview of what was chosen. */
export function RoleTrustPolicy({ orgId, context, tp, accountError, savedError, accountLocked }: { orgId: string; context: TPolicyContext; tp: RoleTrustPolicyState; accountError: string | undefined; savedError: string | undefined; accountLocked: boolean }) {
  const policies = useQuery({ ...trustPoliciesQuery(orgId), enabled: tp.source === 'saved' });
  const { model } = tp.builder;
  const accountSet = ACCOUNT_ID_PATTERN.test(tp.accountId);
  const previewAccount = accountSet ? tp.accountId : PREVIEW_ACCOUNT;
  const previewPolicy = useMemo(() => {
    if (tp.source === 'saved' || accountSet) return tp.policy;
    return policyFromBuilder({ ...model, providerArn: withAccountId(model.providerArn, PREVIEW_ACCOUNT, context.issuer) });
  }, [tp.source, tp.policy, accountSet, model, context.issuer]);
  const audience = (tp.source === 'build' ? model.audience : '') || context.audiences[0];
  const reachContext = useMemo(() => ({ issuer: context.issuer, accountId: previewAccount, orgId: context.orgId, sessionTags: context.sessionTags, ...(audience ? { audience } : {}) }), [context, previewAccount, audience]);
  const json = tp.policy ? renderPolicy(tp.policy, { pretty: true }) : '';
  const applyFix = (finding: Finding) => {
    if (finding.fix) tp.builder.replace(builderFromPolicy(finding.fix.policy, { issuer: context.issuer }).model);
  };
  const sources: Array<{ value: Source; title: string; text: string }> = [
    { value: 'build', title: 'Build it here', text: 'Presets and condition rows, like the trust-policy builder.' },
    { value: 'saved', title: 'Use a saved trust policy', text: 'The role keeps a link to it.' },
  ];
  return (
    <div className="space-y-5">
      <ChoiceCards legend="Trust policy" choices={sources} value={tp.source} onChange={tp.setSource} className="sm:grid-cols-2" />
      {tp.source === 'build' ? (
        <div className="space-y-5">
          <ProviderSettings context={context} model={model} disabled={false} onChange={tp.builder.update} accountError={accountError} />
          {accountLocked ? <p className="text-xs text-slate-600">The role stays in account {tp.accountId}: IAM cannot move a role.</p> : null}
          <section aria-label="Who may assume the role" className="space-y-3">
            <h4 className="text-sm font-semibold text-slate-900">Who may assume the role</h4>
            <PresetPicker context={context} model={model} edited={tp.builder.edited} initial={tp.builder.choice} onApply={tp.builder.applyPreset} />
          </section>
          <section aria-label="Conditions" className="space-y-3">
            <h4 className="text-sm font-semibold text-slate-900">Conditions</h4>
            <ConditionRows context={context} state={tp.builder} problems={tp.problems} disabled={false} />
            <PreservedParts parts={model.preserved} onRemove={tp.builder.removePreserved} />
          </section>
        </div>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label="AWS account ID" value={tp.savedAccount} onChange={(e) => tp.setSavedAccount(e.target.value)} error={accountError} inputMode="numeric" autoComplete="off" placeholder="123456789012" maxLength={14} disabled={accountLocked} hint="The account of the role; the policy must trust this account's provider." />
          {policies.isPending ? (
            <LoadingRows rows={1} label="Loading saved policies" />
          ) : policies.isError ? (
            <Alert tone="error">{errorMessage(policies.error)}</Alert>
          ) : policies.data.items.length === 0 ? (
            <Alert tone="info">
              No saved trust policy yet. <Link href={`/orgs/${orgId}/trust-policies/new`} className="font-medium text-brand-700 hover:underline">Build one</Link>, or build it here.
            </Alert>
          ) : (
            <SelectField label="Saved trust policy" value={tp.savedId} onChange={(e) => tp.setSavedId(e.target.value)} error={savedError}>
              <option value="">Choose a policy…</option>
              {policies.data.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          )}
          {tp.saved.isError ? <Alert tone="error" className="md:col-span-2">{errorMessage(tp.saved.error)}</Alert> : null}
          {tp.saved.data && !tp.policy ? <Alert tone="error" className="md:col-span-2">The saved document is not a readable trust policy.</Alert> : null}
        </div>
      )}
      {tp.policy ? (
        <div className="grid gap-5 xl:grid-cols-2">
          <section aria-label="Lint" className="min-w-0 space-y-2">
            <h4 className="text-sm font-semibold text-slate-900">Lint</h4>
            <LintPanel findings={tp.findings} checks={lintChecks(tp.lintOptions)} onApplyFix={tp.source === 'build' ? applyFix : undefined} />
          </section>
          <section aria-label="Policy JSON" className="min-w-0 space-y-2">
            <h4 className="text-sm font-semibold text-slate-900">Policy JSON</h4>
            <PolicyJson json={json} size={json.replace(/\s/g, '').length} />
          </section>
        </div>
      ) : null}
      {previewPolicy ? (
        <section aria-label="Reach preview" className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">Reach: the environments this role would admit</h4>
          {accountSet ? null : <p className="text-xs text-slate-600">No AWS account id yet: the preview assumes the provider is in account {PREVIEW_ACCOUNT}.</p>}
          <ReachPreview policy={previewPolicy} environments={context.environments} context={reachContext} truncated={context.truncated} />
        </section>
      ) : null}
    </div>
  );
}
