'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { LintPanel } from '@/components/trust-policy/lint-panel';
import { PolicyJson } from '@/components/trust-policy/policy-json';
import { PreservedParts } from '@/components/trust-policy/preserved-parts';
import { ReachPreview } from '@/components/trust-policy/reach-preview';
import { TokenTester } from '@/components/trust-policy/token-tester';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { NotSaved } from '@/components/ui/save-bar';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError } from '@/lib/client/api';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useUnsavedWarning } from '@/lib/client/use-unsaved-warning';
import { ACCOUNT_ID_PATTERN } from '@/lib/domain/aws/limits';
import { builderFromPolicy, checkBuilderModel, lintChecks, lintPolicy, policyFromBuilder, renderPolicy, type BuilderModel, type Finding } from '@/lib/domain/trust-policy';
import { ZSaveTrustPolicy, type TBuilderChoice, type TPolicyContext, type TTrustPolicy } from '@/lib/schemas/trust-policy';
import { accountIdOf, PREVIEW_ACCOUNT, withAccountId } from '@/components/trust-policy/builder/builder-context';
import { ConditionRows } from '@/components/trust-policy/builder/condition-rows';
import { DeletePolicyDialog } from './delete-policy-dialog';
import { ImportDialog } from './import-dialog';
import { PresetPicker } from '@/components/trust-policy/builder/preset-picker';
import { ProviderSettings } from '@/components/trust-policy/builder/provider-settings';
import { SaveBar } from './save-bar';
import { useBuilderModel } from '@/components/trust-policy/builder/use-builder-model';
import { useSavePolicy } from './use-save-policy';

const LABELS = { name: 'Name', description: 'Description (optional)', accountId: 'AWS account ID', policy: 'Policy JSON' };
const ZBuilderForm = ZSaveTrustPolicy.extend({ accountId: z.string().regex(ACCOUNT_ID_PATTERN, 'Enter the 12-digit AWS account id.').optional() });

const pretty = (model: BuilderModel) => renderPolicy(policyFromBuilder(model), { pretty: true });

/**
 * `initial` is what is saved (or the new policy's default): the baseline for "unsaved changes".
 * `start`, when given, is where editing begins instead (the inspector's proposed fix), unsaved.
 */
export function PolicyBuilder({
  orgId,
  context,
  initial,
  start,
  saved,
  canManage,
  onReload,
}: {
  orgId: string;
  context: TPolicyContext;
  initial: { model: BuilderModel; choice: TBuilderChoice | null };
  start?: { model: BuilderModel; note: string } | undefined;
  saved: TTrustPolicy | null;
  canManage: boolean;
  onReload: () => void;
}) {
  const router = useRouter();
  const state = useBuilderModel(start?.model ?? initial.model, start ? null : initial.choice);
  const { model } = state;
  const [name, setName] = useState(saved?.name ?? '');
  const [description, setDescription] = useState(saved?.description ?? '');
  const [version, setVersion] = useState(saved?.version ?? null);
  const [baseline, setBaseline] = useState(() => ({ json: pretty(initial.model), name: saved?.name ?? '', description: saved?.description ?? '' }));
  const [conflict, setConflict] = useState(false);
  const [dialog, setDialog] = useState<'import' | 'delete' | null>(null);
  const readOnly = !canManage;

  const policy = useMemo(() => policyFromBuilder(model), [model]);
  const json = useMemo(() => renderPolicy(policy, { pretty: true }), [policy]);
  const size = json.replace(/\s/g, '').length;
  const lintOptions = useMemo(() => ({ issuer: context.issuer, orgId: context.orgId, sessionTags: context.sessionTags }), [context.issuer, context.orgId, context.sessionTags]);
  const findings = useMemo(() => lintPolicy(policy, lintOptions), [policy, lintOptions]);
  const problems = useMemo(() => checkBuilderModel(model), [model]);
  const accountId = accountIdOf(model.providerArn);
  const accountSet = ACCOUNT_ID_PATTERN.test(accountId);
  const previewAccount = accountSet ? accountId : PREVIEW_ACCOUNT;
  const previewPolicy = useMemo(
    () => (accountSet || model.providerArn === '' ? policy : policyFromBuilder({ ...model, providerArn: withAccountId(model.providerArn, PREVIEW_ACCOUNT, context.issuer) })),
    [accountSet, policy, model, context.issuer],
  );
  const reachContext = useMemo(
    () => ({ issuer: context.issuer, accountId: previewAccount, orgId: context.orgId, sessionTags: context.sessionTags, ...(model.audience || context.audiences[0] ? { audience: model.audience || context.audiences[0] } : {}) }),
    [context.issuer, context.orgId, context.sessionTags, context.audiences, previewAccount, model.audience],
  );
  // No provider ARN at all: the policy has no statement the builder edits, so no account id to ask for.
  const errors = useFormErrors(ZBuilderForm, { name, description, policy: json, accountId: model.providerArn === '' ? undefined : accountId }, LABELS);
  const previewNote = accountSet ? null : <p className="mb-3 text-xs text-slate-600">No AWS account id yet: the preview assumes the provider is in account {PREVIEW_ACCOUNT}.</p>;
  const dirty = json !== baseline.json || name !== baseline.name || description !== baseline.description;
  useUnsavedWarning(canManage && dirty);

  const save = useSavePolicy(orgId, saved?.id ?? null, (result) => {
    setBaseline({ json, name: result.name, description: result.description });
    setVersion(result.version);
    if (!saved) router.replace(`/orgs/${orgId}/trust-policies/${result.id}`);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    // Every problem at once, on its field and in the save bar (visible wherever the page is scrolled).
    const input = errors.validate();
    if (!input) return;
    save.mutate(
      { input: { name: input.name, description: input.description, policy: renderPolicy(policy), builder: state.choiceToSave }, version },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
          else errors.fromError(error);
        },
      },
    );
  };
  const applyFix = (finding: Finding) => {
    if (finding.fix) state.replace(builderFromPolicy(finding.fix.policy, { issuer: context.issuer }).model);
  };

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={`/orgs/${orgId}/trust-policies`} className="hover:underline">
          Trust policies
        </Link>{' '}
        / {saved ? saved.name : 'New'}
      </nav>
      <PageHeader
        title={saved ? saved.name : 'New trust policy'}
        description="Say which environments may assume a role. The JSON, the lint findings and the reach preview follow every change."
        actions={
          canManage ? (
            <>
              <Button variant="secondary" onClick={() => setDialog('import')}>
                Import JSON
              </Button>
              {saved ? (
                <Button variant="secondary" onClick={() => setDialog('delete')}>
                  Delete
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <form onSubmit={submit} noValidate className="space-y-6">
        {readOnly ? <Alert tone="info">You can read this policy and test it; only owners and admins of this organization can change it.</Alert> : null}
        {start && !readOnly ? <Alert tone="info" title="Proposed fix">{start.note}</Alert> : null}
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:grid-cols-[minmax(0,1fr)_28rem]">
          <div className="min-w-0 space-y-6">
            <Card>
              <CardHeader title="Details" />
              <CardBody className="grid gap-4 md:grid-cols-2">
                <TextField label={LABELS.name} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} disabled={readOnly} required placeholder="e.g. deploy-production" />
                <TextField label={LABELS.description} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.fields.description} disabled={readOnly} placeholder="What the role is for" />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Provider and audience" />
              <CardBody>
                <ProviderSettings context={context} model={model} disabled={readOnly} onChange={state.update} accountError={errors.fields.accountId} />
              </CardBody>
            </Card>
            {readOnly ? null : (
              <Card>
                <CardHeader title="Who may assume the role" description="A preset writes the rows for you; edit them afterwards as you like." />
                <CardBody>
                  <PresetPicker context={context} model={model} edited={state.edited} initial={initial.choice} onApply={state.applyPreset} />
                </CardBody>
              </Card>
            )}
            <Card>
              <CardHeader title="Conditions" description="Keys AWS sees for this issuer, compared with the operator of each row." />
              <CardBody className="space-y-6">
                <ConditionRows context={context} state={state} problems={problems} disabled={readOnly} />
                <PreservedParts parts={model.preserved} onRemove={readOnly ? undefined : state.removePreserved} />
              </CardBody>
            </Card>
          </div>
          <div className="min-w-0 space-y-6 xl:sticky xl:top-4 xl:max-h-[calc(100vh-6rem)] xl:self-start xl:overflow-y-auto">
            <Card>
              <CardHeader title="Lint" description="What AWS or Access Analyzer would object to, and what would let the wrong tokens in." />
              <CardBody>
                <LintPanel findings={findings} checks={lintChecks(lintOptions)} onApplyFix={readOnly ? undefined : applyFix} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Policy JSON" description="Paste it into the role's trust relationship." />
              <CardBody>
                <PolicyJson json={json} size={size} />
              </CardBody>
            </Card>
          </div>
        </div>
        <Card>
          <CardHeader title="Reach preview" description="Every environment of this organization, checked against this policy the way AWS would check its token." />
          <CardBody>
            {previewNote}
            <ReachPreview policy={previewPolicy} environments={context.environments} context={reachContext} truncated={context.truncated} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Test with a token" description="Paste an ID token to see what AWS would decide for it with this policy." />
          <CardBody>
            {previewNote}
            <TokenTester policy={previewPolicy} accountId={previewAccount} issuer={context.issuer} />
          </CardBody>
        </Card>
        {canManage ? (
          <SaveBar
            dirty={dirty}
            saving={save.isPending}
            version={version}
            problems={problems.length}
            message={
              conflict ? (
                <Alert tone="error" title="Not saved: someone else changed this policy">
                  <p>Someone saved this policy after you opened it, so nothing was overwritten. Reload to see their version — your changes here are discarded, so copy the JSON first if you want to keep them.</p>
                  <Button size="sm" variant="secondary" className="mt-2" onClick={onReload}>
                    Reload
                  </Button>
                </Alert>
              ) : (
                <NotSaved summary={errors.summary} general={errors.general} />
              )
            }
          />
        ) : null}
      </form>
      {canManage ? <ImportDialog open={dialog === 'import'} issuer={context.issuer} onClose={() => setDialog(null)} onImport={state.replace} /> : null}
      {canManage && saved ? <DeletePolicyDialog orgId={orgId} policyId={saved.id} name={saved.name} open={dialog === 'delete'} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
