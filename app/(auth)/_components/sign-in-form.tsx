'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { ZOk } from '@/lib/client/queries/organizations';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useFormValues } from '@/lib/client/use-form-values';
import { ZLogin } from '@/lib/schemas/auth';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const LABELS = { email: 'Email', password: 'Password' };

export function SignInForm({ next }: { next?: string }) {
  const form = useFormValues({ email: '', password: '' });
  const errors = useFormErrors(ZLogin, form.values, LABELS);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate();
    if (!input) return;
    setBusy(true);
    try {
      await api('/api/v1/auth/login', ZOk, { method: 'POST', body: input });
      window.location.assign(safeNext(next));
    } catch (error) {
      errors.fromError(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Use the email and password of your Trustbridge account.</p>
      </div>
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <TextField label={LABELS.email} {...form.bind('email')} type="email" autoComplete="username" required error={errors.fields.email} />
      <TextField label={LABELS.password} {...form.bind('password')} type="password" autoComplete="current-password" required error={errors.fields.password} />
      <Button type="submit" loading={busy} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
