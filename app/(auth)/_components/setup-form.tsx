'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { ZOk } from '@/lib/client/queries/organizations';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZSetupInput } from '@/lib/schemas/auth';
import { PASSWORD_MIN } from '@/lib/schemas/common';

export function SetupForm() {
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(ZSetupInput, { code: form.get('code'), name: form.get('name'), email: form.get('email'), password: form.get('password') });
    if (!input) return;
    if (form.get('confirm') !== input.password) {
      errors.setGeneral('The two passwords do not match.');
      return;
    }
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
      <TextField label="Setup code" name="code" autoComplete="one-time-code" placeholder="XXXX-XXXX-XXXX" required error={errors.fields.code} className="[&_input]:font-mono" />
      <TextField label="Your name" name="name" autoComplete="name" required error={errors.fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required error={errors.fields.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters.`} error={errors.fields.password} />
      <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required />
      <Button type="submit" loading={busy} className="w-full">
        Create account
      </Button>
    </form>
  );
}
