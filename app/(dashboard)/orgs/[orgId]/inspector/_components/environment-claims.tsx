'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Alert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { environmentClaimsQuery } from '@/lib/client/queries/issuer';
import { explainClaims } from '@/lib/domain/jwt';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import { ClaimsTable } from './claims-table';
import { EnvironmentOptions } from './environment-options';
import { useNow } from './time-format';

/** Any environment's claims, as a token for it would carry them (unsigned preview; any member). */
export function EnvironmentClaims({ orgId, context, envId, onChange }: { orgId: string; context: TPolicyContext; envId: string; onChange: (envId: string) => void }) {
  return (
    <div className="space-y-4">
      <SelectField label="Environment" value={envId} onChange={(e) => onChange(e.target.value)} hint={context.truncated ? 'Only the first environments are listed.' : undefined}>
          <EnvironmentOptions environments={context.environments} />
      </SelectField>
      {envId ? <Preview orgId={orgId} envId={envId} /> : context.environments.length === 0 ? <p className="text-sm text-slate-600">This organization has no environments yet.</p> : null}
    </div>
  );
}

function Preview({ orgId, envId }: { orgId: string; envId: string }) {
  const claims = useQuery(environmentClaimsQuery(orgId, envId));
  const nowMs = useNow();
  const rows = useMemo(() => (claims.data ? explainClaims(claims.data.claims) : []), [claims.data]);
  if (claims.isPending) return <LoadingRows rows={3} label="Loading the environment's claims" />;
  if (claims.isError) return <Alert tone="error">{errorMessage(claims.error)}</Alert>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">Unsigned preview: the claims a token for this environment carries now (times and jti are filled in when one is issued).</p>
      <ClaimsTable rows={rows} caption="Claims a token for this environment would carry" nowMs={nowMs} />
    </div>
  );
}
