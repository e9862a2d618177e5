'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge, stageTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { api, apiNoContent, errorMessage } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { environmentQuery } from '@/lib/client/queries/projects';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { STAGES } from '@/lib/schemas/common';
import { ZEnvironment, ZUpdateEnvironment, type TEnvironment } from '@/lib/schemas/projects';
import { ClaimsCard } from './claims-card';
import { CredentialCard } from './credential-card';
import { TokensCard } from './tokens-card';

function EditEnvironmentDialog({ orgId, env, open, onClose }: { orgId: string; env: TEnvironment; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(env.name);
  const [stage, setStage] = useState<string>(env.stage);
  const errors = useFormErrors(ZUpdateEnvironment, { name, stage, version: env.version }, { name: 'Environment name', stage: 'Stage' });
  const save = useMutation({
    mutationFn: (body: unknown) => api(`/api/v1/orgs/${orgId}/environments/${env.id}`, ZEnvironment, { method: 'PATCH', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
      onClose();
    },
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (input) save.mutate(input);
  };
  return (
    <Dialog open={open} onClose={onClose} title="Edit environment" description="The slug is part of the subject (sub) and cannot change.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        <TextField label="Environment name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} required />
        <SelectField label="Stage" value={stage} onChange={(e) => setStage(e.target.value)} error={errors.fields.stage}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteEnvironmentDialog({ orgId, env, open, onClose }: { orgId: string; env: TEnvironment; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => apiNoContent(`/api/v1/orgs/${orgId}/environments/${env.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
      router.push(`/orgs/${orgId}/environments`);
    },
  });
  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${env.name}?`} description="Its tokens stop working at once, and AWS roles that name this environment will refuse it. This cannot be undone.">
      <div className="space-y-4">
        {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        <TextField label={`Type ${env.slug} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" disabled={typed !== env.slug} loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete environment
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function EnvironmentDetails({
  orgId,
  envId,
  canManage,
  canManageCredentials,
  canTest,
  publicUrl,
}: {
  orgId: string;
  envId: string;
  canManage: boolean;
  canManageCredentials: boolean;
  canTest: boolean;
  publicUrl: string;
}) {
  const env = useQuery(environmentQuery(orgId, envId));
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  if (env.isError) return <Alert tone="error">{errorMessage(env.error)}</Alert>;
  if (!env.data) return null;
  const e = env.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={`/orgs/${orgId}/environments`} className="hover:underline">
          Environments
        </Link>{' '}
        / {e.projectName}
      </nav>
      <PageHeader
        title={e.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={stageTone(e.stage)}>{e.stage}</Badge>
            <span className="font-mono text-xs">
              {e.projectSlug}/{e.slug}
            </span>
          </span>
        }
        actions={
          canManage ? (
            <Button variant="secondary" onClick={() => setDialog('edit')}>
              Edit
            </Button>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <TokensCard orgId={orgId} envId={envId} canManage={canManage} publicUrl={publicUrl} />
        <CredentialCard orgId={orgId} envId={envId} canManage={canManageCredentials} canTest={canTest} publicUrl={publicUrl} />
        <ClaimsCard orgId={orgId} envId={envId} />
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Environment id</dt>
                <dd className="font-mono text-slate-900">{e.id}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Project</dt>
                <dd className="text-slate-900">
                  {e.projectName} <span className="font-mono text-xs text-slate-600">({e.projectSlug})</span>
                </dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        {canManage ? (
          <Card className="border-red-200">
            <CardHeader title="Delete environment" description="Removes the environment and revokes all of its tokens." actions={<Button variant="danger" size="sm" onClick={() => setDialog('delete')}>Delete…</Button>} />
          </Card>
        ) : null}
      </div>
      {dialog === 'edit' ? <EditEnvironmentDialog orgId={orgId} env={e} open onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteEnvironmentDialog orgId={orgId} env={e} open onClose={() => setDialog(null)} /> : null}
    </>
  );
}
