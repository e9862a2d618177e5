'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { IssuerUrlWarning } from '@/components/issuer/issuer-url-warning';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyField } from '@/components/ui/code-block';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { organizationQuery } from '@/lib/client/queries/organizations';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZOrganization, ZUpdateOrganization } from '@/lib/schemas/organizations';

const LABELS = { name: 'Display name' };

export function OrganizationCard({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const org = useQuery(organizationQuery(orgId));
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(ZUpdateOrganization, { name: name ?? org.data?.name ?? '', version: org.data?.version ?? 0 }, LABELS);
  const save = useMutation({
    mutationFn: (body: unknown) => api(`/api/v1/orgs/${orgId}`, ZOrganization, { method: 'PATCH', body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.org(orgId), updated);
      await queryClient.invalidateQueries({ queryKey: keys.orgs });
      setName(null);
      setSaved(true);
    },
    onError: errors.fromError,
  });
  if (!org.data) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = errors.validate();
    if (input) save.mutate(input);
  };
  return (
    <Card>
      <CardHeader title="Organization" description="The slug and id are permanent: they are in every ID token and in the issuer URL." />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <TextField label={LABELS.name} value={name ?? org.data.name} onChange={(e) => setName(e.target.value)} disabled={!canEdit} error={errors.fields.name} />
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Slug</p>
              <CopyField value={org.data.slug} label="Organization slug" />
            </div>
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Organization id</p>
              <CopyField value={org.data.id} label="Organization id" />
            </div>
          </div>
          <div>
            <p className="mb-1.5 text-sm font-medium text-slate-800">Issuer</p>
            <CopyField value={org.data.issuer} label="Issuer URL" />
            <IssuerUrlWarning issuer={org.data.issuer} className="mt-3" />
          </div>
          {canEdit ? (
            <div className="flex justify-end">
              <Button type="submit" loading={save.isPending} disabled={name === null || name === org.data.name}>
                Save name
              </Button>
            </div>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}
