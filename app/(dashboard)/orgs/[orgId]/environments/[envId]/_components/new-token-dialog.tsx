'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CodeBlock, CopyField } from '@/components/ui/code-block';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZCreateEnvironmentToken, ZCreatedEnvironmentToken, type TCreatedEnvironmentToken } from '@/lib/schemas/tokens';

const EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'No expiry' },
];

function expiryFromChoice(choice: string): string | null {
  if (choice === 'never') return null;
  return new Date(Date.now() + Number(choice) * 24 * 3600 * 1000).toISOString();
}

export function NewTokenDialog({ orgId, envId, publicUrl, open, onClose }: { orgId: string; envId: string; publicUrl: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  // Computed when the choice changes, not on every render: a refusal stays until the choice changes.
  const expiresAt = useMemo(() => expiryFromChoice(expiry), [expiry]);
  const errors = useFormErrors(ZCreateEnvironmentToken, { name, expiresAt }, { name: 'Token name', expiresAt: 'Expires after' });
  const [created, setCreated] = useState<TCreatedEnvironmentToken | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; expiresAt: string | null }) => api(`/api/v1/orgs/${orgId}/environments/${envId}/tokens`, ZCreatedEnvironmentToken, { method: 'POST', body }),
    onSuccess: async (token) => {
      setCreated(token);
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
    },
    onError: errors.fromError,
  });
  const finish = () => {
    setCreated(null);
    setName('');
    errors.clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (input) create.mutate({ name: input.name, expiresAt: input.expiresAt ?? null });
  };
  if (created) {
    return (
      <Dialog open={open} onClose={finish} title="Copy your token now" description="This is the only time Trustbridge shows it. Only a hash is stored; if you lose it, revoke it and create a new one.">
        <div className="space-y-4">
          <CopyField value={created.token} label="Environment token" />
          <p className="text-sm text-slate-700">Set these in the environment, then run the CLI:</p>
          <CodeBlock label="Environment variables" code={`export TRUSTBRIDGE_URL=${publicUrl}\nexport TRUSTBRIDGE_TOKEN=${created.token}\ntrustbridge idp token --decode`} />
          <div className="flex justify-end">
            <Button onClick={finish}>I have copied the token</Button>
          </div>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={finish} title="New environment token" description="The workload uses it to request signed ID tokens. Treat it like a password.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        <TextField label="Token name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} hint="Where it will be used, e.g. “GitHub Actions” or “laptop of Ada”." required autoFocus />
        <SelectField label="Expires after" value={expiry} onChange={(e) => setExpiry(e.target.value)} error={errors.fields.expiresAt}>
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={finish}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
