'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { slugify } from '@/lib/schemas/common';
import { ZCreateOrganization, ZOrganization } from '@/lib/schemas/organizations';

const LABELS = { name: 'Organization name', slug: 'Slug' };

export function CreateOrganizationForm() {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const errors = useFormErrors(ZCreateOrganization, { name, slug }, LABELS);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (!input) return;
    setBusy(true);
    try {
      const org = await api('/api/v1/orgs', ZOrganization, { method: 'POST', body: input });
      window.location.assign(`/orgs/${org.id}`);
    } catch (error) {
      errors.fromError(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <TextField
        label={LABELS.name}
        name="name"
        value={name}
        required
        error={errors.fields.name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
      />
      <TextField
        label={LABELS.slug}
        name="slug"
        value={slug}
        required
        error={errors.fields.slug}
        hint="Lowercase letters, digits and hyphens. Appears in every ID token as org_slug and cannot be changed later."
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
      />
      <Button type="submit" loading={busy} className="w-full">
        Create organization
      </Button>
    </form>
  );
}
