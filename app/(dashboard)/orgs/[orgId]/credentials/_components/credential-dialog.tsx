'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConflictNotice } from '@/components/credentials/conflict-notice';
import { credentialConflict, type CredentialConflict } from '@/components/credentials/credential-conflict';
import { durationHint, matchRecordedRole, type RecordedRoleOption } from '@/components/credentials/recorded-roles';
import { RolePicker } from '@/components/credentials/role-picker';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { createCredential, updateCredential } from '@/lib/client/queries/credentials';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { DEFAULT_CREDENTIAL_AUDIENCE } from '@/lib/domain/aws/effective-credential';
import { DURATION_SECONDS_DEFAULT } from '@/lib/domain/aws/limits';
import { ZCreateCredential, ZUpdateCredential, type TDeploymentCredential, type TUpdateCredential } from '@/lib/schemas/credentials';
import type { TProject } from '@/lib/schemas/projects';

export type CredentialDialogMode = { kind: 'create'; roleArn?: string; durationSeconds?: string; projectId?: string | null; ignored?: string[] } | { kind: 'edit'; credential: TDeploymentCredential };

const LABELS = { projectId: 'Scope', name: 'Name', roleArn: 'Role ARN', durationSeconds: 'Session duration (seconds)', audience: 'Audience', region: 'Region' };

type Form = { name: string; roleArn: string; duration: string; audience: string; region: string };
const formOf = (c: TDeploymentCredential): Form => ({ name: c.name, roleArn: c.roleArn, duration: String(c.durationSeconds), audience: c.audience, region: c.region ?? '' });

function withinRole<S extends typeof ZCreateCredential | typeof ZUpdateCredential>(schema: S, role: RecordedRoleOption | null) {
  return schema.superRefine((value, ctx) => {
    if (role && value.durationSeconds !== undefined && value.durationSeconds > role.maxSessionDuration) {
      ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: `At most ${role.maxSessionDuration} s: the MaxSessionDuration of the recorded role ${role.roleName}.` });
    }
  });
}

/** The API names the organization's scope `scope`; the form shows it on its Scope field. */
function onScopeField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.status, error.code, error.message, error.issues.map((i) => (i.path === 'scope' ? { ...i, path: 'projectId' } : i)), error.details);
}

export function CredentialDialog({
  orgId,
  mode,
  projects,
  credentials,
  audiences,
  roles,
  onClose,
}: {
  orgId: string;
  mode: CredentialDialogMode;
  projects: readonly TProject[];
  credentials: readonly TDeploymentCredential[];
  audiences: readonly string[];
  roles: readonly RecordedRoleOption[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const editing = mode.kind === 'edit' ? mode.credential : null;
  const taken = new Set(credentials.map((c) => c.projectId ?? ''));
  const firstFree = mode.kind === 'create' && mode.projectId !== undefined ? (mode.projectId ?? '') : taken.has('') ? (projects.find((p) => !taken.has(p.id))?.id ?? '') : '';
  const [scope, setScope] = useState(firstFree);
  const [base, setBase] = useState<TDeploymentCredential | null>(editing);
  const [form, setForm] = useState<Form>(
    editing ? formOf(editing) : { name: '', roleArn: mode.kind === 'create' ? (mode.roleArn ?? '') : '', duration: (mode.kind === 'create' && mode.durationSeconds) || String(DURATION_SECONDS_DEFAULT), audience: DEFAULT_CREDENTIAL_AUDIENCE, region: '' },
  );
  const [conflict, setConflict] = useState<CredentialConflict | null>(null);
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const role = matchRecordedRole(roles, form.roleArn);
  const durationSeconds = form.duration.trim() === '' ? undefined : Number(form.duration.trim());
  const value = editing
    ? { version: base?.version ?? editing.version, name: form.name, roleArn: form.roleArn, durationSeconds, audience: form.audience, region: form.region.trim() === '' ? null : form.region }
    : { name: form.name, roleArn: form.roleArn, durationSeconds, audience: form.audience, region: form.region.trim() === '' ? null : form.region, projectId: scope || null };
  const errors = useFormErrors(editing ? withinRole(ZUpdateCredential, role) : withinRole(ZCreateCredential, role), value, LABELS);

  const saved = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.credentialsAll(orgId) });
    onClose();
  };
  const failed = async (error: unknown) => {
    const found = base ? await credentialConflict(orgId, base, error) : null;
    if (found) {
      setConflict(found);
      void queryClient.invalidateQueries({ queryKey: keys.credentialsAll(orgId) });
      return;
    }
    errors.fromError(onScopeField(error));
  };
  const save = useMutation({
    mutationFn: (body: { create: true; input: Parameters<typeof createCredential>[1] } | { create: false; input: TUpdateCredential }) =>
      body.create ? createCredential(orgId, body.input) : updateCredential(orgId, editing?.id ?? '', body.input),
    onSuccess: saved,
    onError: failed,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    const input = errors.validate();
    if (!input) return;
    if (!editing || !base) {
      save.mutate({ create: true, input: input as Parameters<typeof createCredential>[1] });
      return;
    }
    // Only what this person changed goes out: a field someone else changed and this person did not stays theirs.
    const parsed = input as TUpdateCredential;
    const patch: TUpdateCredential = { version: base.version };
    if (parsed.name !== base.name) patch.name = parsed.name;
    if (parsed.roleArn !== base.roleArn) patch.roleArn = parsed.roleArn;
    if (parsed.durationSeconds !== base.durationSeconds) patch.durationSeconds = parsed.durationSeconds;
    if (parsed.audience !== base.audience) patch.audience = parsed.audience;
    if ((parsed.region ?? null) !== base.region) patch.region = parsed.region ?? null;
    save.mutate({ create: false, input: patch });
  };

  const useTheirs = () => {
    if (!conflict?.now) return onClose();
    setBase(conflict.now);
    setForm(formOf(conflict.now));
    errors.clear();
    setConflict(null);
  };
  const keepMine = () => {
    const now = conflict?.now;
    if (!now || !base) return;
    // Three-way: a field this person left alone takes their new value; what this person typed stays.
    const old = formOf(base);
    const theirs = formOf(now);
    setForm((f) => ({ name: f.name === old.name ? theirs.name : f.name, roleArn: f.roleArn === old.roleArn ? theirs.roleArn : f.roleArn, duration: f.duration === old.duration ? theirs.duration : f.duration, audience: f.audience === old.audience ? theirs.audience : f.audience, region: f.region === old.region ? theirs.region : f.region }));
    setBase(now);
    setConflict(null);
  };

  const audienceOptions = audiences.includes(form.audience) ? audiences : [...audiences, form.audience];
  const scopeLabel = editing ? (editing.scope === 'organization' ? 'Organization default' : `Project ${editing.projectName ?? ''}`) : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={editing ? `Edit credential “${editing.name}”` : 'New deployment credential'}
      description={editing ? `${scopeLabel}. The scope of a credential cannot change.` : 'The role and session length workloads use: the organization’s default, or one project’s.'}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {mode.kind === 'create' && mode.ignored && mode.ignored.length > 0 ? (
          <Alert tone="warning" title="Not taken from the link">
            <ul className="list-disc pl-5">
              {mode.ignored.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {conflict ? (
          <ConflictNotice what="credential" changes={conflict.changes} gone={conflict.now === null} onUseTheirs={useTheirs} onKeepMine={conflict.now ? keepMine : undefined} />
        ) : null}
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        {editing ? null : (
          <SelectField label={LABELS.projectId} value={scope} onChange={(e) => setScope(e.target.value)} error={errors.fields.projectId} hint="One credential per scope: a project’s wins over the organization’s for that project’s environments.">
            <option value="" disabled={taken.has('')}>
              Organization default{taken.has('') ? ' — has one' : ''}
            </option>
            {projects.map((p) => (
              <option key={p.id} value={p.id} disabled={taken.has(p.id)}>
                Project {p.name}
                {taken.has(p.id) ? ' — has one' : ''}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={LABELS.name} value={form.name} onChange={(e) => set('name')(e.target.value)} error={errors.fields.name} placeholder="e.g. Deploy role" required autoFocus={!form.roleArn} />
        <RolePicker value={form.roleArn} onChange={set('roleArn')} roles={roles} error={errors.fields.roleArn} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={LABELS.durationSeconds} inputMode="numeric" value={form.duration} onChange={(e) => set('duration')(e.target.value)} error={errors.fields.durationSeconds} hint={durationHint(role)} />
          <TextField label={LABELS.region} value={form.region} onChange={(e) => set('region')(e.target.value)} error={errors.fields.region} placeholder="us-east-1" hint="Optional: written to the AWS profile." spellCheck={false} />
        </div>
        <SelectField label={LABELS.audience} value={form.audience} onChange={(e) => set('audience')(e.target.value)} error={errors.fields.audience} hint="The ID token’s aud: one of the issuer’s allowed audiences, and a client ID of the IAM OIDC provider.">
          {audienceOptions.map((a) => (
            <option key={a} value={a}>
              {a}
              {audiences.includes(a) ? '' : ' (no longer allowed)'}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Save changes' : 'Create credential'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
