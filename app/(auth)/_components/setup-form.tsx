'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { ZOk } from '@/lib/client/queries/organizations';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { useFormValues } from '@/lib/client/use-form-values';
import { ZSetupForm } from '@/lib/schemas/auth';
import { PASSWORD_MIN } from '@/lib/schemas/common';

const LABELS = { code: 'Setup code', name: 'Your name', email: 'Email', password: 'Password', confirm: 'Confirm password' };

export function SetupForm() {
  const form = useFormValues({ code: '', name: '', email: '', password: '', confirm: '' });
  const errors = useFormErrors(ZSetupForm, form.values, LABELS);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = errors.validate();
    if (!parsed) return;
    const { confirm: _confirm, ...input } = parsed;
    setBusy(true);
    try {
      await api('/api/v1/setup', ZOk, { method: 'POST', body: input });
      window.location.assign('/orgs/new');
    } catch (error) {
      errors.fromError(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Set up Trustbridge</h1>
        <p className="mt-1 text-sm text-slate-600">
          Create the first account. The setup code is printed in the server log when Trustbridge starts without any users.
        </p>
      </div>
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <TextField label={LABELS.code} {...form.bind('code')} error={errors.fields.code} autoComplete="one-time-code" placeholder="XXXX-XXXX-XXXX" required className="[&_input]:font-mono" />
      <TextField label={LABELS.name} {...form.bind('name')} error={errors.fields.name} autoComplete="name" required />
      <TextField label={LABELS.email} {...form.bind('email')} error={errors.fields.email} type="email" autoComplete="username" required />
      <TextField label={LABELS.password} {...form.bind('password')} error={errors.fields.password} type="password" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters.`} />
      <TextField label={LABELS.confirm} {...form.bind('confirm')} error={errors.fields.confirm} type="password" autoComplete="new-password" required />
      <Button type="submit" loading={busy} className="w-full">
        Create account
      </Button>
    </form>
  );
}
