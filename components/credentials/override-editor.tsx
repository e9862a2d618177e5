'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { deleteOverride, environmentCredentialQuery, putOverride } from '@/lib/client/queries/credentials';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZPutOverride, type TPutOverride } from '@/lib/schemas/credentials';
import { ConflictNotice, fieldChanges, type FieldChange } from './conflict-notice';
import { overrideOf } from './environment-credential-context';
import { durationHint, matchRecordedRole, sessionLength, type RecordedRoleOption } from './recorded-roles';
import { RolePicker } from './role-picker';

export interface OverrideShape {
  roleArn: string;
  durationSeconds: number | null;
  version: number;
}

/** What the environment falls back to without an override's duration: the credential below it, or the default. */
export interface Inherited {
  durationSeconds: number;
  /** e.g. 'from the project credential "Web Shop"' or 'the default'. */
  from: string;
}

const LABELS = { roleArn: 'Role ARN', durationSeconds: 'Session duration (seconds)' };
const SHOWN = [
  { label: 'Role ARN', show: (o: OverrideShape | null) => o?.roleArn ?? '(no override)' },
  { label: 'Session duration', show: (o: OverrideShape | null) => (o ? (o.durationSeconds === null ? 'inherited' : sessionLength(o.durationSeconds)) : '(no override)') },
];

const formSchema = (role: RecordedRoleOption | null, inherited: Inherited) =>
  ZPutOverride.superRefine((value, ctx) => {
    const effective = value.durationSeconds ?? inherited.durationSeconds;
    if (role && effective > role.maxSessionDuration) {
      const message =
        value.durationSeconds === null || value.durationSeconds === undefined
          ? `The inherited ${effective} s is above the MaxSessionDuration of ${role.roleName} (${role.maxSessionDuration} s): set a duration of at most ${role.maxSessionDuration} s.`
          : `At most ${role.maxSessionDuration} s: the MaxSessionDuration of ${role.roleName}.`;
      ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message });
    }
  });

/**
 * Sets, changes or removes one environment's role override, in place (a table row or the environment
 * page). A 409 shows what the other person changed and lets this person load it or keep their own.
 */
export function OverrideEditor({
  orgId,
  envId,
  envLabel,
  current,
  inherited,
  roles,
  onClose,
}: {
  orgId: string;
  envId: string;
  envLabel: string;
  current: OverrideShape | null;
  inherited: Inherited;
  roles: readonly RecordedRoleOption[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<OverrideShape | null>(current);
  const [roleArn, setRoleArn] = useState(current?.roleArn ?? '');
  const [duration, setDuration] = useState(current?.durationSeconds === null || !current ? '' : String(current.durationSeconds));
  const [conflict, setConflict] = useState<{ changes: FieldChange[]; gone: boolean; now: OverrideShape | null } | null>(null);
  const role = matchRecordedRole(roles, roleArn);
  const value = { roleArn, durationSeconds: duration.trim() === '' ? null : Number(duration.trim()), ...(base ? { version: base.version } : {}) };
  const errors = useFormErrors(formSchema(role, inherited), value, LABELS);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.credentialsAll(orgId) });
    onClose();
  };
  const onFailure = async (error: unknown) => {
    if (error instanceof ApiError && error.code === 'version_conflict') {
      const row = await queryClient.fetchQuery({ ...environmentCredentialQuery(orgId, envId), staleTime: 0 });
      const now = row ? overrideOf(row) : null;
      setConflict({ now, gone: base !== null && now === null, changes: fieldChanges(base, now, SHOWN) });
      void queryClient.invalidateQueries({ queryKey: keys.credentialsAll(orgId) });
      return;
    }
    errors.fromError(error);
  };
  const save = useMutation({ mutationFn: (body: TPutOverride) => putOverride(orgId, envId, body), onSuccess: done, onError: onFailure });
  const remove = useMutation({ mutationFn: (version: number) => deleteOverride(orgId, envId, version), onSuccess: done, onError: onFailure });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    remove.reset();
    const input = errors.validate();
    if (input) save.mutate(input);
  };
  const useTheirs = () => {
    if (!conflict) return;
    setBase(conflict.now);
    setRoleArn(conflict.now?.roleArn ?? '');
    setDuration(conflict.now?.durationSeconds == null ? '' : String(conflict.now.durationSeconds));
    errors.clear();
    setConflict(null);
  };
  const keepMine = () => {
    if (!conflict) return;
    setBase(conflict.now);
    setConflict(null);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Override for ${envLabel}`} className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{base ? 'Edit the override' : 'Override the role'} of {envLabel}</h3>
        <p className="mt-0.5 text-sm text-slate-600">It wins over the project and organization credentials, for this environment only. Audience and Region still come from the credential below it.</p>
      </div>
      {conflict ? <ConflictNotice what="override" changes={conflict.changes} gone={conflict.gone} onUseTheirs={useTheirs} onKeepMine={conflict.gone ? undefined : keepMine} /> : null}
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RolePicker value={roleArn} onChange={setRoleArn} roles={roles} error={errors.fields.roleArn} autoFocus />
        <TextField
          label={LABELS.durationSeconds}
          inputMode="numeric"
          value={duration}
          placeholder={`inherit: ${inherited.durationSeconds}`}
          onChange={(e) => setDuration(e.target.value)}
          error={errors.fields.durationSeconds}
          hint={durationHint(role, `Empty: inherit ${sessionLength(inherited.durationSeconds)} ${inherited.from}.`)}
        />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        {base ? (
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => {
              setConflict(null);
              remove.mutate(base.version);
            }}
          >
            Remove override
          </Button>
        ) : null}
        <Button type="submit" loading={save.isPending}>
          Save override
        </Button>
      </div>
    </form>
  );
}
