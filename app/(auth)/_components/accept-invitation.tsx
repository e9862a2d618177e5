'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { api, errorMessage } from '@/lib/client/api';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useFormValues } from '@/lib/client/use-form-values';
import { PASSWORD_MIN } from '@/lib/schemas/common';
import { ZAcceptInvitationForm, ZInvitationPreview } from '@/lib/schemas/members';

// The invitation token arrives in the URL fragment (never sent to a server, never in Referer);
// it is read once and removed from the address bar and history.
let captured: string | null = null;
function takeTokenFromFragment(): string {
  if (captured === null) {
    captured = window.location.hash.replace(/^#/, '');
    if (captured) window.history.replaceState(null, '', window.location.pathname);
  }
  return captured;
}

const LABELS = { name: 'Your name', password: 'Password', confirm: 'Confirm password' };

export function AcceptInvitation() {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => setToken(takeTokenFromFragment()), []);
  const form = useFormValues({ name: '', password: '', confirm: '' });
  const errors = useFormErrors(ZAcceptInvitationForm, { ...form.values, token }, LABELS);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api('/api/v1/invitations/preview', ZInvitationPreview, { method: 'POST', body: { token } }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });

  if (token === null) return <Spinner label="Reading your invitation…" />;
  if (!token) return <Alert tone="error" title="This invitation link is incomplete">Open the full link you received, or ask an admin for a new one.</Alert>;
  if (preview.isPending) return <Spinner label="Checking your invitation…" />;
  if (preview.isError) return <Alert tone="error" title="This invitation cannot be used">{errorMessage(preview.error)}</Alert>;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = errors.validate();
    if (!parsed) return;
    const { confirm: _confirm, ...input } = parsed;
    setBusy(true);
    try {
      const result = await api('/api/v1/invitations/accept', z.object({ orgId: z.string() }), { method: 'POST', body: input });
      window.location.assign(`/orgs/${result.orgId}`);
    } catch (error) {
      errors.fromError(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Join {preview.data.organizationName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You were invited as <strong>{preview.data.role}</strong> with the email <strong>{preview.data.email}</strong>. Choose your name and a password to create your account.
        </p>
      </div>
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <TextField label={LABELS.name} {...form.bind('name')} autoComplete="name" required error={errors.fields.name} />
      <TextField label={LABELS.password} {...form.bind('password')} type="password" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters.`} error={errors.fields.password} />
      <TextField label={LABELS.confirm} {...form.bind('confirm')} type="password" autoComplete="new-password" required error={errors.fields.confirm} />
      <Button type="submit" loading={busy} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
