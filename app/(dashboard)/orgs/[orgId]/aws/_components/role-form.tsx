'use client';
import { useState } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { createAwsRole, updateAwsRole, useAwsMutation, type RoleInput } from '@/lib/client/queries/aws';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { roleArn } from '@/lib/domain/aws/arn';
import { MAX_SESSION_DURATION_MAX, MAX_SESSION_DURATION_MIN } from '@/lib/domain/aws/limits';
import { ZAccountId, ZManagedPolicyArns, ZMaxSessionDuration, ZRoleDescription, ZRoleName, ZRolePath, ZAwsRole, type TAwsRole } from '@/lib/schemas/aws';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import { useAwsAction } from './aws-action';
import { useAwsCredentials } from './aws-credentials';
import { AwsErrorDetails } from './aws-error';
import { lines } from './provider-edit';
import { RoleTrustPolicy, useRoleTrustPolicy } from './role-trust-policy';
import { CreateWays, type Way } from './two-ways';

// A new role, or a recorded one being edited: its IAM settings and its trust policy (built here or
// a saved one), checked in the browser with the same rules the server applies.

export const ROLE_LABELS = {
  accountId: 'AWS account ID',
  roleName: 'Role name',
  path: 'Path',
  description: 'Description (optional)',
  maxSessionDuration: 'Maximum session duration',
  managedPolicyArns: 'Managed policies to attach (optional)',
  trustPolicy: 'Trust policy',
  trustPolicyId: 'Saved trust policy',
};

const ZRoleForm = z.object({
  accountId: ZAccountId,
  roleName: ZRoleName,
  path: ZRolePath,
  description: ZRoleDescription,
  maxSessionDuration: ZMaxSessionDuration,
  managedPolicyArns: ZManagedPolicyArns,
  trustPolicyId: z.string().min(1, 'Choose a saved trust policy.').optional(),
});

const HOURS = Array.from({ length: MAX_SESSION_DURATION_MAX / 3600 }, (_, i) => (i + 1) * 3600).filter((s) => s >= MAX_SESSION_DURATION_MIN);
const hours = (seconds: number) => `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;

type Mode = { kind: 'new'; accountId: string; way: Way; onWay: (way: Way) => void } | { kind: 'edit'; role: TAwsRole };

export function RoleForm({ orgId, context, mode, onDone, onCancel }: { orgId: string; context: TPolicyContext; mode: Mode; onDone: (role: TAwsRole, way: Way) => void; onCancel?: () => void }) {
  const role = mode.kind === 'edit' ? mode.role : null;
  const tp = useRoleTrustPolicy(orgId, context, role ? { document: role.trustPolicy, choice: role.builder, trustPolicyId: role.trustPolicyId, accountId: role.accountId } : { accountId: mode.kind === 'new' ? mode.accountId : '' });
  const [roleName, setRoleName] = useState(role?.roleName ?? '');
  const [path, setPath] = useState(role?.path ?? '/');
  const [description, setDescription] = useState(role?.description ?? '');
  const [maxSessionDuration, setMaxSessionDuration] = useState(role?.maxSessionDuration ?? MAX_SESSION_DURATION_MIN);
  const [policies, setPolicies] = useState(role?.managedPolicyArns.join('\n') ?? '');
  const [blocked, setBlocked] = useState(false);
  const accountId = role ? role.accountId : tp.accountId;
  const value = { accountId, roleName: roleName.trim(), path: path.trim(), description, maxSessionDuration, managedPolicyArns: lines(policies), ...(tp.source === 'saved' ? { trustPolicyId: tp.savedId } : {}) };
  const errors = useFormErrors(ZRoleForm, value, ROLE_LABELS);
  const credentials = useAwsCredentials();

  /** The body for the API, or null after showing every problem (fields, and lint errors of the trust policy). */
  const input = (): RoleInput | null => {
    const fields = errors.validate();
    const trust = tp.payload();
    setBlocked(tp.blocking > 0);
    if (!fields || !trust || tp.blocking > 0) return null;
    const { trustPolicyId: _omit, ...rest } = fields;
    return { ...rest, ...trust };
  };
  // An AWS refusal after the record was written: open the record, which says what exists in AWS now.
  const onCreateError = (error: Error) => {
    const written = error instanceof ApiError ? ZAwsRole.safeParse(error.details.record) : null;
    if (written?.success) onDone(written.data, 'trustbridge');
  };
  const create = useAwsAction(orgId, credentials, (body: RoleInput, awsCredentials) => createAwsRole(orgId, { ...body, apply: true, awsCredentials }), { onSuccess: (r) => onDone(r, 'trustbridge'), onError: onCreateError });
  const record = useAwsMutation(orgId, (body: RoleInput) => (role ? updateAwsRole(orgId, role.id, { ...editable(body), version: role.version }) : createAwsRole(orgId, { ...body, apply: false })), { onSuccess: (r) => onDone(r, 'yourself'), onError: errors.fromError });
  const validAccount = ZAccountId.safeParse(accountId).success;
  const validName = ZRoleName.safeParse(value.roleName).success && ZRolePath.safeParse(value.path).success;
  const target = { accountId: validAccount ? accountId : '<account id>', ...(validAccount && validName ? { roleArn: roleArn({ partition: 'aws', accountId, path: value.path, name: value.roleName }) } : {}) };
  const durations = HOURS.includes(maxSessionDuration) ? HOURS : [...HOURS, maxSessionDuration].sort((a, b) => a - b);

  const recordRole = () => {
    const body = input();
    if (body) record.mutate(body);
  };
  const createRole = () => {
    const body = input();
    if (body) create.run(body);
  };
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={ROLE_LABELS.roleName} value={roleName} onChange={(e) => setRoleName(e.target.value)} error={errors.fields.roleName} disabled={role !== null} autoComplete="off" placeholder="e.g. deploy-production" hint={role ? 'IAM cannot rename a role.' : '1–64 letters, digits and +=,.@_-; unique in the account.'} />
        <TextField label={ROLE_LABELS.path} value={path} onChange={(e) => setPath(e.target.value)} error={errors.fields.path} disabled={role !== null} autoComplete="off" hint={role ? 'IAM cannot move a role.' : '"/" or like /ci/deploy/.'} />
        <SelectField label={ROLE_LABELS.maxSessionDuration} value={String(maxSessionDuration)} onChange={(e) => setMaxSessionDuration(Number(e.target.value))} error={errors.fields.maxSessionDuration} hint="The longest session a workload may ask for (DurationSeconds up to this).">
          {durations.map((s) => (
            <option key={s} value={s}>
              {s % 3600 === 0 ? hours(s) : `${s} seconds`}
            </option>
          ))}
        </SelectField>
        <TextField label={ROLE_LABELS.description} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.fields.description} autoComplete="off" placeholder="What the role is for" />
        <TextAreaField label={ROLE_LABELS.managedPolicyArns} value={policies} onChange={(e) => setPolicies(e.target.value)} error={errors.fields.managedPolicyArns} rows={2} className="md:col-span-2" placeholder="arn:aws:iam::aws:policy/ReadOnlyAccess" hint="One ARN per line: what the role may do once assumed (at most 20)." />
      </div>
      <RoleTrustPolicy orgId={orgId} context={context} tp={tp} accountError={errors.fields.accountId} savedError={errors.fields.trustPolicyId} accountLocked={role !== null} />
      {blocked && tp.blocking > 0 ? <Alert tone="error" title="Fix the trust policy first">The lint lists {tp.blocking} error{tp.blocking === 1 ? '' : 's'} above; AWS or Access Analyzer would refuse the policy, or it would let the wrong tokens in.</Alert> : null}
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      {errors.fields.trustPolicy ? <Alert tone="error" title="Trust policy">{errors.fields.trustPolicy}</Alert> : null}
      {record.isError && !(record.error instanceof ApiError && ['invalid_request', 'invalid_policy', 'lint_errors'].includes(record.error.code)) ? <AwsErrorDetails error={record.error} labels={ROLE_LABELS} /> : null}
      {mode.kind === 'edit' ? (
        <div className="flex flex-wrap gap-2">
          <Button loading={record.isPending} onClick={recordRole}>
            Save the role
          </Button>
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <p className="w-full text-xs text-slate-600">Saving changes the record only; apply it afterwards to change the role in AWS.</p>
        </div>
      ) : (
        <CreateWays
          noun="role"
          way={mode.way}
          onWay={mode.onWay}
          credentials={credentials}
          target={target}
          errorLabels={ROLE_LABELS}
          create={{ pending: create.mutation.isPending, error: create.mutation.error, run: createRole }}
          record={{ pending: record.isPending, run: recordRole }}
        />
      )}
    </div>
  );
}

/** What PATCH may change (account, name and path are fixed by IAM). */
function editable(body: RoleInput) {
  const { accountId: _a, roleName: _n, path: _p, ...rest } = body;
  return rest;
}
