'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { CopyField } from '@/components/ui/code-block';
import { TextField } from '@/components/ui/field';
import { isInAws, wizardHref } from '@/lib/client/aws-wizard';
import { DURATION_SECONDS_MIN } from '@/lib/domain/aws/limits';
import type { TAwsRole } from '@/lib/schemas/aws';

// The third step hands over to deployment credentials: the role ARN and a session duration (AWS:
// DurationSeconds 900 … the role's MaxSessionDuration) prefill the new-credential form there.

const DEFAULT_DURATION = 3600;

function credentialHref(orgId: string, roleArn: string, durationSeconds: number): string {
  return `/orgs/${orgId}/credentials?${new URLSearchParams({ new: '1', roleArn, durationSeconds: String(durationSeconds) }).toString()}`;
}

export function CredentialStep({ orgId, role, providerId }: { orgId: string; role: TAwsRole; providerId: string | null }) {
  const [duration, setDuration] = useState(String(Math.min(DEFAULT_DURATION, role.maxSessionDuration)));
  const seconds = Number(duration);
  const valid = Number.isInteger(seconds) && seconds >= DURATION_SECONDS_MIN && seconds <= role.maxSessionDuration;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        Workloads assume <strong className="wrap-anywhere">{role.roleName}</strong> through a deployment credential: the role ARN and a session duration for the organization, a project or one environment.
      </p>
      {isInAws(role) ? null : (
        <Alert tone="warning" title="The role is not in AWS yet">
          Workloads will be refused until it exists. <Link className="font-medium underline" href={wizardHref(orgId, { step: 'role', providerId, roleId: role.id })}>Create it in the role step</Link>, or store the credential now and create the role afterwards.
        </Alert>
      )}
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Role ARN</p>
        <CopyField value={role.arn} label="Role ARN for the credential" />
      </div>
      <TextField
        label="Session duration (seconds)"
        type="number"
        inputMode="numeric"
        min={DURATION_SECONDS_MIN}
        max={role.maxSessionDuration}
        step={1}
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
        className="max-w-xs"
        error={valid ? undefined : `AWS accepts ${DURATION_SECONDS_MIN}–${role.maxSessionDuration} seconds for this role (its MaxSessionDuration).`}
        hint={`${DURATION_SECONDS_MIN}–${role.maxSessionDuration}: at most the role's MaxSessionDuration.`}
      />
      <div className="flex flex-wrap items-center gap-3">
        {valid ? (
          <ButtonLink href={credentialHref(orgId, role.arn, seconds)}>Store as a deployment credential</ButtonLink>
        ) : (
          <Button disabled>Store as a deployment credential</Button>
        )}
        <span className="text-xs text-slate-600">Opens Credentials with the role ARN and duration filled in.</span>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm text-slate-700">Or, in a workload with TRUSTBRIDGE_URL and TRUSTBRIDGE_TOKEN set, name the role at run time:</p>
        <CopyField value={`trustbridge idp login aws --role-arn ${role.arn} --duration-seconds ${valid ? seconds : DEFAULT_DURATION}`} label="Command" />
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
        <ButtonLink href={wizardHref(orgId, { step: 'verify', providerId, roleId: role.id })}>Next: verify</ButtonLink>
      </div>
    </div>
  );
}
