'use client';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { SelectField } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api';
import { mintIdToken } from '@/lib/client/queries/inspector';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import { EnvironmentOptions } from './environment-options';
import { localTime } from './time-format';

/**
 * Admins only: a real, signed token for an environment (at most 5 minutes, audited). Shown once —
 * it lives in this component's memory until cleared or the page is left.
 */
export function MintToken({ orgId, context, onInspect }: { orgId: string; context: TPolicyContext; onInspect: (token: string) => void }) {
  const [envId, setEnvId] = useState('');
  const [audience, setAudience] = useState(context.audiences[0] ?? '');
  const mint = useMutation({ mutationFn: () => mintIdToken(orgId, envId, audience ? { audience } : {}) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (envId) mint.mutate();
  };
  const env = context.environments.find((e) => e.id === envId);
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="grid items-end gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <SelectField label="Environment to mint for" value={envId} onChange={(e) => (setEnvId(e.target.value), mint.reset())}>
          <EnvironmentOptions environments={context.environments} />
        </SelectField>
        <SelectField label="Audience" value={audience} onChange={(e) => setAudience(e.target.value)}>
          {context.audiences.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" loading={mint.isPending} disabled={!envId}>
          Mint a signed token
        </Button>
      </form>
      {mint.isError ? <Alert tone="error" title="Not minted">{errorMessage(mint.error)}</Alert> : null}
      {mint.data ? (
        <Alert tone="success" title={`Signed token for ${env ? `${env.projectSlug}/${env.slug}` : 'the environment'} — shown once`}>
          <p className="mb-2">Valid until {localTime(Date.parse(mint.data.expiresAt) / 1000)}. The issuance is in the audit log (jti {mint.data.jti}); the token itself is not kept anywhere.</p>
          <code aria-label="Signed ID token" className="block max-h-24 overflow-y-auto break-all rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-xs text-slate-800">
            {mint.data.token}
          </code>
          <div className="mt-2 flex flex-wrap gap-2">
            <CopyButton value={mint.data.token} label="Copy the token" />
            <Button size="sm" onClick={() => onInspect(mint.data.token)}>
              Inspect this token
            </Button>
            <Button size="sm" variant="ghost" onClick={() => mint.reset()}>
              Forget it
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
