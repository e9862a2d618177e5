'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useSluggedName } from '@/lib/client/use-slugged-name';
import { STAGES } from '@/lib/schemas/common';
import { ZCreateEnvironment, ZEnvironment, type TCreateEnvironment, type TProject } from '@/lib/schemas/projects';

const LABELS = { projectId: 'Project', name: 'Environment name', slug: 'Environment slug', stage: 'Stage' };

export function NewEnvironmentDialog({ orgId, projects, projectId, open, onClose }: { orgId: string; projects: TProject[]; projectId?: string | undefined; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const fields = useSluggedName();
  const [project, setProject] = useState(projectId ?? projects[0]?.id ?? '');
  const [stage, setStage] = useState<string>('development');
  const errors = useFormErrors(ZCreateEnvironment, { projectId: project, name: fields.name, slug: fields.slug, stage }, LABELS);
  const create = useMutation({
    mutationFn: (input: TCreateEnvironment) => api(`/api/v1/orgs/${orgId}/environments`, ZEnvironment, { method: 'POST', body: input }),
    onSuccess: async (env) => {
      await queryClient.invalidateQueries({ queryKey: keys.org(orgId) });
      fields.reset();
      onClose();
      router.push(`/orgs/${orgId}/environments/${env.id}`);
    },
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (input) create.mutate(input);
  };
  return (
    <Dialog open={open} onClose={onClose} title="New environment" description="An environment is a workload that will ask for AWS credentials: a dev environment, a CI job, a deployment target.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        <SelectField label="Project" value={project} onChange={(e) => setProject(e.target.value)} error={errors.fields.projectId}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.slug})
            </option>
          ))}
        </SelectField>
        <TextField label="Environment name" value={fields.name} onChange={(e) => fields.setName(e.target.value)} error={errors.fields.name} required autoFocus />
        <TextField label="Environment slug" value={fields.slug} onChange={(e) => fields.setSlug(e.target.value)} error={errors.fields.slug} hint="Unique within the project; part of the subject (sub)." required />
        <SelectField label="Stage" value={stage} onChange={(e) => setStage(e.target.value)} error={errors.fields.stage} hint="Trust policies can admit, for example, only production environments.">
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
          <Button type="submit" loading={create.isPending}>
            Create environment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
