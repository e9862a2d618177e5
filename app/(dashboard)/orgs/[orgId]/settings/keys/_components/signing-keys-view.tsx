'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { api, errorMessage } from '@/lib/client/api';
import { issuerQuery, signingKeysQuery } from '@/lib/client/queries/issuer';
import { keys } from '@/lib/client/queries/keys';
import type { TSigningKeyInfo } from '@/lib/schemas/issuer';

const STATE_TONE = { next: 'blue', active: 'green', retired: 'amber', removed: 'neutral' } as const;
const STATE_HELP = {
  next: 'published, signs from its activation time',
  active: 'signs every new ID token',
  retired: 'no longer signs; published until its tokens have expired',
  removed: 'no longer published',
} as const;

function RotateDialog({ orgId, defaultLead, algorithm, onClose }: { orgId: string; defaultLead: number; algorithm: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [when, setWhen] = useState<'scheduled' | 'now'>('scheduled');
  const [alg, setAlg] = useState(algorithm);
  const rotate = useMutation({
    mutationFn: () => api(`/api/v1/orgs/${orgId}/issuer/keys/rotate`, z.object({ kid: z.string(), activatesAt: z.string() }), { method: 'POST', body: { leadHours: when === 'now' ? 0 : defaultLead, algorithm: alg } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.signingKeys(orgId) });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} title="Rotate the signing key" description="A new key pair is created and published in the JWKS. The current key keeps verifying until every token it signed has expired.">
      <div className="space-y-4">
        {rotate.isError ? <Alert tone="error">{errorMessage(rotate.error)}</Alert> : null}
        <SelectField label="Start signing with the new key" value={when} onChange={(e) => setWhen(e.target.value === 'now' ? 'now' : 'scheduled')}>
          <option value="scheduled">in {defaultLead} hours (published first — recommended)</option>
          <option value="now">now</option>
        </SelectField>
        {when === 'now' ? (
          <Alert tone="warning">Verifiers holding a cached copy of the JWKS (AWS caches it) may reject new tokens until they fetch the JWKS again. Prefer a lead time unless the current key is in doubt.</Alert>
        ) : null}
        <SelectField label="Algorithm" value={alg} onChange={(e) => setAlg(e.target.value)}>
          <option value="ES256">ES256</option>
          <option value="RS256">RS256</option>
        </SelectField>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>
            {when === 'now' ? 'Rotate now' : `Rotate in ${defaultLead} hours`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function RevokeDialog({ orgId, signingKey, onClose }: { orgId: string; signingKey: TSigningKeyInfo; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const revoke = useMutation({
    mutationFn: () => api(`/api/v1/orgs/${orgId}/issuer/keys/${signingKey.kid}/revoke`, z.object({ kid: z.string(), replacementKid: z.string().nullable() }), { method: 'POST', body: { confirm: true } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.signingKeys(orgId) });
      onClose();
    },
  });
  const prefix = signingKey.kid.slice(0, 6);
  return (
    <Dialog open onClose={onClose} title="Emergency revoke" description="Only for a key you believe is compromised.">
      <div className="space-y-4">
        <Alert tone="error" title="What breaks">
          The key leaves the JWKS immediately and its private key is erased. Every ID token it signed stops verifying — workloads holding such a token must fetch a new one.
          {signingKey.state === 'active' ? ' A replacement key starts signing at once, without the usual publication lead time.' : ''} AWS may keep accepting old tokens until its cached JWKS expires.
        </Alert>
        {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
        <TextField label={`Type ${prefix} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" disabled={typed !== prefix} loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke key
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function SigningKeysView({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const list = useQuery(signingKeysQuery(orgId));
  const settings = useQuery(issuerQuery(orgId));
  const [dialog, setDialog] = useState<{ kind: 'rotate' } | { kind: 'revoke'; key: TSigningKeyInfo } | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Card>
      <CardHeader
        title="Signing keys"
        description={settings.data ? `Rotated every ${settings.data.rotationPeriodDays} days; new keys are published ${settings.data.rotationLeadHours} hours before they sign.` : undefined}
        actions={canManage ? <Button size="sm" onClick={() => setDialog({ kind: 'rotate' })}>Rotate key…</Button> : undefined}
      />
      {list.isPending ? (
        <div className="px-5">
          <LoadingRows label="Loading keys" />
        </div>
      ) : list.isError ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(list.error)}</Alert>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <th scope="col" className={headCell()}>Key id (kid)</th>
                <th scope="col" className={headCell()}>State</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Signs from</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Retired</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Published until</th>
                {canManage ? <th scope="col" className={headCell()}><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((k) => {
                const publishedUntil = k.state === 'removed' ? <DateTime value={k.removedAt} /> : k.publishedUntil ? <DateTime value={k.publishedUntil} /> : 'while in use';
                return (
                <tr key={k.kid} className="align-top">
                  <td className={bodyCell('wrap-anywhere')}>
                    <code className="font-mono text-xs">{k.kid}</code> <Badge>{k.algorithm}</Badge>
                    <span className={PHONE_ONLY}>
                      Signs from <DateTime value={k.activatesAt} />
                      {k.retiredAt ? (
                        <>
                          {' '}· retired <DateTime value={k.retiredAt} />
                        </>
                      ) : null}{' '}
                      · published until {publishedUntil}
                    </span>
                  </td>
                  <td className={bodyCell()}>
                    <Badge tone={STATE_TONE[k.state]}>{k.state}</Badge>
                    <span className="mt-1 block text-xs text-slate-500">{k.state === 'removed' && k.removalReason === 'emergency_revoke' ? 'revoked in an emergency' : STATE_HELP[k.state]}</span>
                  </td>
                  <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}><DateTime value={k.activatesAt} /></td>
                  <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}><DateTime value={k.retiredAt} /></td>
                  <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>{publishedUntil}</td>
                  {canManage ? (
                    <td className={bodyCell('text-right')}>
                      {k.state !== 'removed' ? (
                        <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: 'revoke', key: k })} aria-label={`Emergency revoke key ${k.kid}`}>
                          Revoke…
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'rotate' && settings.data ? <RotateDialog orgId={orgId} defaultLead={settings.data.rotationLeadHours} algorithm={settings.data.algorithm} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'revoke' ? <RevokeDialog orgId={orgId} signingKey={dialog.key} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
