'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useSluggedName } from '@/lib/client/use-slugged-name';
import { ZCreateProject, ZProject, type TCreateProject } from '@/lib/schemas/projects';

const LABELS = { name: 'Project name', slug: 'Project slug' };

export function NewProjectDialog({ orgId, open, onClose }: { orgId: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const fields = useSluggedName();
  const errors = useFormErrors(ZCreateProject, { name: fields.name, slug: fields.slug }, LABELS);
  const create = useMutation({
    mutationFn: (input: TCreateProject) => api(`/api/v1/orgs/${orgId}/projects`, ZProject, { method: 'POST', body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
      fields.reset();
      onClose();
    },
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (input) create.mutate(input);
  };
  return (
    <Dialog open={open} onClose={onClose} title="New project" description="Projects group environments, e.g. one per application or repository.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        <TextField label={LABELS.name} value={fields.name} onChange={(e) => fields.setName(e.target.value)} error={errors.fields.name} required autoFocus />
        <TextField label={LABELS.slug} value={fields.slug} onChange={(e) => fields.setSlug(e.target.value)} error={errors.fields.slug} hint="Part of every environment's subject (sub). Cannot be changed later." required />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create project
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
