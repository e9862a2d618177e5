'use client';
import { useState } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { updateAwsProvider, useAwsMutation } from '@/lib/client/queries/aws';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZClientIds, ZThumbprints, type TAwsProvider } from '@/lib/schemas/aws';

export const PROVIDER_LABELS = { accountId: 'AWS account ID', audiences: 'Client IDs (audiences)', thumbprints: 'Thumbprints (optional)' };
const ZProviderEdit = z.object({ audiences: ZClientIds, thumbprints: ZThumbprints });

const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'version_conflict';

/** One value per line (client IDs and IAM policy names may contain commas). */
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The provider's client IDs and pinned thumbprints (its account and URL are fixed). Saving changes the record; apply brings AWS along. */
export function ProviderEdit({ orgId, provider, onDone }: { orgId: string; provider: TAwsProvider; onDone: () => void }) {
  const [clientIds, setClientIds] = useState(provider.audiences.join('\n'));
  const [thumbprints, setThumbprints] = useState(provider.thumbprints.join('\n'));
  const value = { audiences: lines(clientIds), thumbprints: lines(thumbprints) };
  const errors = useFormErrors(ZProviderEdit, value, PROVIDER_LABELS);
  const save = useAwsMutation(orgId, (input: z.output<typeof ZProviderEdit>) => updateAwsProvider(orgId, provider.id, { ...input, version: provider.version }), {
    onSuccess: onDone,
    onError: (error) => (isConflict(error) ? undefined : errors.fromError(error)),
  });
  const conflict = isConflict(save.error);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.reset();
        const input = errors.validate();
        if (input) save.mutate(input);
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextAreaField label={PROVIDER_LABELS.audiences} value={clientIds} onChange={(e) => setClientIds(e.target.value)} error={errors.fields.audiences} rows={3} hint="One per line. Workloads ask tokens for one of them." />
        <TextAreaField label={PROVIDER_LABELS.thumbprints} value={thumbprints} onChange={(e) => setThumbprints(e.target.value)} error={errors.fields.thumbprints} rows={3} hint="Only for a private CA: SHA-1 of the certificate, 40 hex characters." />
      </div>
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      {conflict ? <Alert tone="error" title="Not saved: someone else changed this provider">Nothing was overwritten. Cancel to see their version, then edit again.</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          Save the provider
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <p className="w-full text-xs text-slate-600">Saving changes the record only; apply it afterwards to change the provider in AWS.</p>
      </div>
    </form>
  );
}
