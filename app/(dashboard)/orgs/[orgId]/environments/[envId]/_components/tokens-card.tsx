'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { KeyIcon, PlusIcon } from '@/components/ui/icons';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { apiNoContent, errorMessage } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { tokensQuery } from '@/lib/client/queries/projects';
import type { TEnvironmentToken } from '@/lib/schemas/tokens';
import { NewTokenDialog } from './new-token-dialog';

const statusTone = { active: 'green', revoked: 'red', expired: 'amber' } as const;

export function TokensCard({ orgId, envId, canManage, publicUrl }: { orgId: string; envId: string; canManage: boolean; publicUrl: string }) {
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery(orgId, envId));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TEnvironmentToken | null>(null);
  const revoke = useMutation({
    mutationFn: (token: TEnvironmentToken) => apiNoContent(`/api/v1/orgs/${orgId}/environments/${envId}/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
    },
  });
  const items = tokens.data?.items ?? [];
  return (
    <Card>
      <CardHeader
        title="Environment tokens"
        description="Machine credentials of this environment. The workload presents one to get signed ID tokens."
        actions={
          canManage ? (
            <Button size="sm" onClick={() => setCreating(true)}>
              <PlusIcon /> New token
            </Button>
          ) : undefined
        }
      />
      {tokens.isPending ? (
        <div className="px-5">
          <LoadingRows label="Loading tokens" />
        </div>
      ) : tokens.isError ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(tokens.error)}</Alert>
        </div>
      ) : items.length === 0 ? (
        <div className="flex flex-col items-center px-5 py-10 text-center">
          <span className="mb-2 rounded-full bg-brand-50 p-3 text-brand-600 [&_svg]:size-5">
            <KeyIcon />
          </span>
          <p className="font-medium text-slate-900">No tokens yet</p>
          <p className="mt-1 max-w-sm text-sm text-slate-600">{canManage ? 'Create a token and set it as TRUSTBRIDGE_TOKEN in the environment.' : 'An admin can create a token for this environment.'}</p>
        </div>
      ) : (
        // On a phone the table keeps three columns (token, created, revoke): the prefix, status,
        // expiry and last use move under the name and the date instead of off-screen.
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <th scope="col" className={headCell()}>Name</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Token</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Status</th>
                <th scope="col" className={headCell()}>Created</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Expires</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Last used</th>
                {canManage ? <th scope="col" className={headCell()}><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((token) => (
                <tr key={token.id} className="align-top">
                  <td className={bodyCell('font-medium text-slate-900 wrap-anywhere')}>
                    {token.name}
                    <span className="mt-1 flex flex-wrap items-center gap-2 font-normal md:hidden">
                      <span className="font-mono text-xs text-slate-700">{token.prefix}…</span>
                      <Badge tone={statusTone[token.status]}>{token.status}</Badge>
                    </span>
                  </td>
                  <td className={bodyCell(`${WIDE_ONLY} font-mono text-xs text-slate-700`)}>{token.prefix}…</td>
                  <td className={bodyCell(WIDE_ONLY)}>
                    <Badge tone={statusTone[token.status]}>{token.status}</Badge>
                  </td>
                  <td className={bodyCell('text-slate-700')}>
                    <DateTime value={token.createdAt} />
                    <span className={PHONE_ONLY}>
                      Expires {token.expiresAt ? <DateTime value={token.expiresAt} /> : 'never'} · last used {token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : 'never'}
                    </span>
                  </td>
                  <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>{token.expiresAt ? <DateTime value={token.expiresAt} /> : 'Never'}</td>
                  <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : 'Never'}</td>
                  {canManage ? (
                    <td className={bodyCell('text-right')}>
                      {token.status === 'active' ? (
                        <Button size="sm" variant="secondary" onClick={() => setRevoking(token)} aria-label={`Revoke token ${token.name}`}>
                          Revoke
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewTokenDialog orgId={orgId} envId={envId} publicUrl={publicUrl} open={creating} onClose={() => setCreating(false)} />
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title={`Revoke “${revoking?.name ?? ''}”?`} description="Workloads using this token stop getting ID tokens within seconds. This cannot be undone.">
        {revoke.isError ? <Alert tone="error" className="mb-4">{errorMessage(revoke.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(null)}>
            Cancel
          </Button>
          <Button variant="danger" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
            Revoke token
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
