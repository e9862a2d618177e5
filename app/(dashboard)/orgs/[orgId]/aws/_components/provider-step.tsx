'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { IssuerUrlWarning } from '@/components/issuer/issuer-url-warning';
import { Alert } from '@/components/ui/alert';
import { CopyField } from '@/components/ui/code-block';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { wizardHref } from '@/lib/client/aws-wizard';
import { createAwsProvider, useAwsMutation } from '@/lib/client/queries/aws';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { providerArn } from '@/lib/domain/aws/arn';
import { ZAccountId, ZClientIds, ZThumbprints, type TAwsProvider } from '@/lib/schemas/aws';
import { useAwsAction } from './aws-action';
import { useAwsCredentials } from './aws-credentials';
import { DeleteRecordDialog } from './delete-record-dialog';
import { RecordWays } from './apply-record-form';
import { lines, PROVIDER_LABELS, ProviderEdit } from './provider-edit';
import { RecordButtons, RecordFacts, RecordHeader } from './record-facts';
import { CreateWays, type Way } from './two-ways';

const LABELS = PROVIDER_LABELS;
const ZProviderForm = z.object({ accountId: ZAccountId, audiences: ZClientIds, thumbprints: ZThumbprints });

/** The first step: the organization's issuer as an IAM OIDC provider in one AWS account. */
export function ProviderStep({ orgId, provider, issuer, audiences, canManage, roleId, initialWay }: { orgId: string; provider: TAwsProvider | 'new'; issuer: string; audiences: readonly string[]; canManage: boolean; roleId: string | null; initialWay: Way }) {
  const [way, setWay] = useState<Way>(initialWay);
  if (provider === 'new') {
    if (!canManage) return <Alert tone="info">No OIDC provider is recorded yet. An owner or admin of this organization creates it here.</Alert>;
    return <NewProvider orgId={orgId} issuer={issuer} audiences={audiences} way={way} setWay={setWay} roleId={roleId} />;
  }
  return <ProviderRecord key={provider.id} orgId={orgId} provider={provider} canManage={canManage} way={way} setWay={setWay} roleId={roleId} />;
}

function NewProvider({ orgId, issuer, audiences, way, setWay, roleId }: { orgId: string; issuer: string; audiences: readonly string[]; way: Way; setWay: (way: Way) => void; roleId: string | null }) {
  const router = useRouter();
  const [accountId, setAccountId] = useState('');
  const [clientIds, setClientIds] = useState(audiences.join('\n'));
  const [thumbprints, setThumbprints] = useState('');
  const value = { accountId: accountId.trim(), audiences: lines(clientIds), thumbprints: lines(thumbprints) };
  const errors = useFormErrors(ZProviderForm, value, LABELS);
  const credentials = useAwsCredentials();
  const open = (id: string, yourself = false) => router.replace(wizardHref(orgId, { step: 'provider', providerId: id, roleId, way: yourself ? 'yourself' : undefined }));
  // An AWS refusal after the record was written (error.record): the record says what exists now.
  const onError = (error: Error) => {
    const record = error instanceof ApiError ? z.object({ id: z.string() }).safeParse(error.details.record) : null;
    if (record?.success) open(record.data.id);
  };
  const apply = useAwsAction(orgId, credentials, (input: z.output<typeof ZProviderForm>, awsCredentials) => createAwsProvider(orgId, { ...input, apply: true, awsCredentials }), { onSuccess: (p) => open(p.id), onError });
  const record = useAwsMutation(orgId, (input: z.output<typeof ZProviderForm>) => createAwsProvider(orgId, { ...input, apply: false }), { onSuccess: (p) => open(p.id, true), onError: errors.fromError });
  const validAccount = ZAccountId.safeParse(value.accountId).success;
  const target = { accountId: validAccount ? value.accountId : '<account id>', ...(validAccount ? { providerArn: providerArn('aws', value.accountId, issuer) } : {}) };
  const submit = (run: (input: z.output<typeof ZProviderForm>) => void) => {
    const input = errors.validate();
    if (input) run(input);
  };
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">AWS trusts this organization&apos;s tokens once its account has an IAM OIDC provider for the issuer below, with the audiences workloads ask tokens for.</p>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Provider URL (this organization&apos;s issuer)</p>
        <CopyField value={issuer} label="Provider URL" />
      </div>
      <IssuerUrlWarning issuer={issuer} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={LABELS.accountId} value={accountId} onChange={(e) => setAccountId(e.target.value)} error={errors.fields.accountId} inputMode="numeric" autoComplete="off" placeholder="123456789012" maxLength={14} hint="The 12-digit account the provider goes into." />
        <TextAreaField label={LABELS.audiences} value={clientIds} onChange={(e) => setClientIds(e.target.value)} error={errors.fields.audiences} rows={2} hint="One per line: the issuer's allowed audiences. Workloads ask tokens for one of them." />
        <TextAreaField label={LABELS.thumbprints} value={thumbprints} onChange={(e) => setThumbprints(e.target.value)} error={errors.fields.thumbprints} rows={2} className="md:col-span-2" hint="Leave empty: AWS checks the issuer's TLS certificate against trusted CAs. Pin a SHA-1 thumbprint (40 hex characters) only for a private CA." />
      </div>
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <CreateWays
        noun="provider"
        way={way}
        onWay={setWay}
        credentials={credentials}
        target={target}
        errorLabels={LABELS}
        create={{ pending: apply.mutation.isPending, error: apply.mutation.error, run: () => submit((input) => apply.run(input)) }}
        record={{ pending: record.isPending, run: () => submit((input) => record.mutate(input)) }}
      />
    </div>
  );
}

function ProviderRecord({ orgId, provider, canManage, way, setWay, roleId }: { orgId: string; provider: TAwsProvider; canManage: boolean; way: Way; setWay: (way: Way) => void; roleId: string | null }) {
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const target = { accountId: provider.accountId, providerArn: provider.arn };
  return (
    <div className="space-y-5">
      <RecordHeader
        title={`OIDC provider in account ${provider.accountId}`}
        record={provider}
        actions={<RecordButtons show={canManage && !editing} onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} />}
      />
      {editing ? <ProviderEdit orgId={orgId} provider={provider} onDone={() => setEditing(false)} /> : null}
      <RecordFacts
        facts={[
          ['ARN', <CopyField key="arn" value={provider.arn} label="Provider ARN" />],
          ['Provider URL', <CopyField key="url" value={provider.issuerUrl} label="Provider URL" />],
          ['Client IDs (audiences)', provider.audiences.join(', ')],
          ['Thumbprints', provider.thumbprints.length > 0 ? provider.thumbprints.join(', ') : 'None pinned (AWS checks the certificate against trusted CAs)'],
        ]}
        lastApply={provider.lastApply}
        operation="provider.apply"
        target={target}
      />
      <IssuerUrlWarning issuer={provider.issuerUrl} />
      <RecordWays orgId={orgId} kind="providers" record={provider} target={target} what={`the OIDC provider in ${provider.accountId}`} way={way} onWay={setWay} canManage={canManage} next={{ href: wizardHref(orgId, { step: 'role', providerId: provider.id, roleId }), label: 'Next: the role' }} />
      {canManage ? <DeleteRecordDialog orgId={orgId} kind="providers" id={provider.id} name={provider.accountId} target={target} open={deleting} onClose={() => setDeleting(false)} /> : null}
    </div>
  );
}
