'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { IssuerUrlWarning } from '@/components/issuer/issuer-url-warning';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyField } from '@/components/ui/code-block';
import { SelectField, TextField } from '@/components/ui/field';
import { NotSaved, SaveBar } from '@/components/ui/save-bar';
import { LoadingRows } from '@/components/ui/skeleton';
import { api } from '@/lib/client/api';
import { issuerQuery } from '@/lib/client/queries/issuer';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import type { SubjectField } from '@/lib/domain/claims/subject-template';
import { ZIssuerSettings, ZUpdateIssuerSettings, type TIssuerSettings } from '@/lib/schemas/issuer';
import { AudiencesEditor } from './audiences-editor';
import { SubjectChangeDialog } from './subject-change-dialog';
import { SubjectTemplateEditor } from './subject-template-editor';

interface Draft {
  lifetimeMinutes: string;
  audiences: string[];
  algorithm: 'ES256' | 'RS256';
  rotationPeriodDays: string;
  rotationLeadHours: string;
  sessionTags: boolean;
  subjectTemplate: SubjectField[];
}

// Field paths of the PATCH body, as the save bar names them.
const LABELS = {
  tokenLifetimeSeconds: 'Token lifetime (minutes)',
  audiences: 'Allowed audiences',
  subjectTemplate: 'Subject (sub)',
  algorithm: 'Algorithm for new keys',
  rotationPeriodDays: 'Rotate every (days)',
  rotationLeadHours: 'Publish ahead (hours)',
};

const toDraft = (s: TIssuerSettings): Draft => ({
  lifetimeMinutes: String(s.tokenLifetimeSeconds / 60),
  audiences: s.audiences,
  algorithm: s.algorithm,
  rotationPeriodDays: String(s.rotationPeriodDays),
  rotationLeadHours: String(s.rotationLeadHours),
  sessionTags: s.sessionTags,
  subjectTemplate: [...s.subjectTemplate],
});

function IssuerFormLoaded({ orgId, settings, canEdit }: { orgId: string; settings: TIssuerSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const templateChanged = draft.subjectTemplate.join(':') !== settings.subjectTemplate.join(':');
  const save = useMutation({
    mutationFn: (body: unknown) => api(`/api/v1/orgs/${orgId}/issuer`, ZIssuerSettings, { method: 'PATCH', body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.issuer(orgId), updated);
      setDraft(toDraft(updated));
      setConfirming(false);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
    },
    onError: (error) => {
      setConfirming(false);
      errors.fromError(error);
    },
  });
  const payload = (confirm: boolean) => ({
    version: settings.version,
    tokenLifetimeSeconds: Math.round(Number(draft.lifetimeMinutes) * 60),
    audiences: draft.audiences,
    algorithm: draft.algorithm,
    rotationPeriodDays: Number(draft.rotationPeriodDays),
    rotationLeadHours: Number(draft.rotationLeadHours),
    sessionTags: draft.sessionTags,
    subjectTemplate: draft.subjectTemplate,
    ...(confirm ? { confirmSubjectChange: true } : {}),
  });
  const errors = useFormErrors(ZUpdateIssuerSettings, payload(false), LABELS);
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(settings));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = errors.validate();
    if (!input) return;
    if (templateChanged) setConfirming(true);
    else save.mutate(input);
  };
  const example = draft.subjectTemplate.map((f) => `${f}:${f === 'org' ? orgId : `<${f}>`}`).join(':');
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card>
        <CardHeader title="Issuer" description="Use these values when you create the IAM OIDC identity provider in AWS." />
        <CardBody className="grid gap-4 md:grid-cols-2">
          <div>
            <p className="mb-1.5 text-sm font-medium text-slate-800">Issuer URL</p>
            <CopyField value={settings.issuer} label="Issuer URL" />
          </div>
          <div>
            <p className="mb-1.5 text-sm font-medium text-slate-800">JWKS</p>
            <CopyField value={settings.jwksUrl} label="JWKS URL" />
          </div>
          <IssuerUrlWarning issuer={settings.issuer} className="md:col-span-2" />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="ID tokens" />
        <CardBody className="space-y-5">
          <TextField
            label="Token lifetime (minutes)"
            type="number"
            min={1}
            max={60}
            value={draft.lifetimeMinutes}
            onChange={(e) => set('lifetimeMinutes', e.target.value)}
            disabled={!canEdit}
            error={errors.fields.tokenLifetimeSeconds}
            hint="1 to 60. Short is safer: a leaked ID token is useful only until it expires."
            className="max-w-xs"
          />
          <div>
            <p className="mb-2 text-sm font-medium text-slate-800">Allowed audiences</p>
            <AudiencesEditor value={draft.audiences} onChange={(v) => set('audiences', v)} disabled={!canEdit} error={errors.fields.audiences} />
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Subject (sub)" description="AWS trust policies can only see sub, aud, amr and azp of a custom issuer, so sub must carry what your policies filter on." />
        <CardBody className="space-y-4">
          <SubjectTemplateEditor value={draft.subjectTemplate} onChange={(v) => set('subjectTemplate', v)} disabled={!canEdit} />
          <div>
            <p className="mb-1 text-sm font-medium text-slate-800">Example</p>
            <code className="block break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-sm">{example}</code>
            <p className="mt-1 text-xs text-slate-500">Values escape % as %25 and : as %3A, so a : always separates fields.</p>
          </div>
          {templateChanged ? <Alert tone="warning">Saving changes the subject of every environment. You will see the before and after first.</Alert> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Session tags" />
        <CardBody className="space-y-3">
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" className="mt-0.5 size-4" checked={draft.sessionTags} onChange={(e) => set('sessionTags', e.target.checked)} disabled={!canEdit} />
            <span>
              <span className="font-medium text-slate-900">Add AWS session tags to ID tokens</span>
              <span className="block text-slate-600">
                The claim <code className="font-mono">https://aws.amazon.com/tags</code> carries org_id, project, environment and stage. Trust policies can then use <code className="font-mono">aws:RequestTag/stage</code> —
                and <strong>must allow sts:TagSession</strong> in their Action, or AWS refuses every assume-role call.
              </span>
            </span>
          </label>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Signing keys" description="New keys are published before they sign, so verifiers that cache the JWKS learn them first." />
        <CardBody className="grid gap-4 md:grid-cols-3">
          <SelectField label="Algorithm for new keys" value={draft.algorithm} onChange={(e) => set('algorithm', e.target.value === 'RS256' ? 'RS256' : 'ES256')} disabled={!canEdit} hint="Applies from the next rotation.">
            <option value="ES256">ES256 (P-256, recommended)</option>
            <option value="RS256">RS256 (RSA 2048)</option>
          </SelectField>
          <TextField label="Rotate every (days)" type="number" min={7} max={365} value={draft.rotationPeriodDays} onChange={(e) => set('rotationPeriodDays', e.target.value)} disabled={!canEdit} error={errors.fields.rotationPeriodDays} />
          <TextField label="Publish ahead (hours)" type="number" min={1} max={168} value={draft.rotationLeadHours} onChange={(e) => set('rotationLeadHours', e.target.value)} disabled={!canEdit} error={errors.fields.rotationLeadHours} />
        </CardBody>
      </Card>
      {canEdit ? (
        <SaveBar
          status={dirty ? 'Unsaved changes' : 'No unsaved changes'}
          message={saved ? <Alert tone="success">Issuer settings saved. New ID tokens use them within seconds.</Alert> : <NotSaved summary={errors.summary} general={errors.general} />}
        >
          <Button variant="secondary" disabled={!dirty} onClick={() => (setDraft(toDraft(settings)), errors.clear())}>
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending && !confirming}>
            Save issuer settings
          </Button>
        </SaveBar>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can change the issuer.</p>
      )}
      {confirming ? <SubjectChangeDialog orgId={orgId} template={draft.subjectTemplate} saving={save.isPending} onCancel={() => setConfirming(false)} onConfirm={() => save.mutate(payload(true))} /> : null}
    </form>
  );
}

export function IssuerForm({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const settings = useQuery(issuerQuery(orgId));
  if (settings.isPending) return <LoadingRows label="Loading issuer settings" />;
  if (settings.isError) return <Alert tone="error">{settings.error.message}</Alert>;
  return <IssuerFormLoaded orgId={orgId} settings={settings.data} canEdit={canEdit} />;
}
