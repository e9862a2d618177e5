'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { applyAwsRecord, type AwsKind } from '@/lib/client/queries/aws';
import type { PermissionTarget } from '@/lib/domain/aws/required-permissions';
import type { TAwsProvider, TAwsRole } from '@/lib/schemas/aws';
import { AwsActionForm, useAwsAction } from './aws-action';
import { useAwsCredentials } from './aws-credentials';
import { ExportTabs } from './export-tabs';
import { applyLabel } from './record-status';
import { TwoWays, type Way } from './two-ways';

const ABOUT = {
  providers: { operation: 'provider.apply', create: 'Create the provider in AWS', extra: 'Client IDs and thumbprints in AWS that the record does not list. Off: they stay and are listed.' },
  roles: { operation: 'role.apply', create: 'Create the role in AWS', extra: 'Detach managed policies the record does not list. Off: they stay attached and are listed.' },
} as const;

/** "Trustbridge does it" for a recorded provider or role: create it in AWS, or bring AWS up to the record. */
export function ApplyRecordForm({ orgId, kind, record, target }: { orgId: string; kind: AwsKind; record: TAwsProvider | TAwsRole; target: PermissionTarget }) {
  const credentials = useAwsCredentials();
  const [prune, setPrune] = useState(false);
  const apply = useAwsAction(orgId, credentials, (_: void, awsCredentials) => applyAwsRecord(orgId, kind, record.id, { prune, awsCredentials }));
  const about = ABOUT[kind];
  return (
    <AwsActionForm
      credentials={credentials}
      operations={[about.operation]}
      target={target}
      submitLabel={applyLabel(record, about.create)}
      pending={apply.mutation.isPending}
      error={apply.mutation.error}
      onSubmit={() => apply.run(undefined)}
    >
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={prune} onChange={(e) => setPrune(e.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Remove what others added</span>
          <span className="block text-slate-600">{about.extra}</span>
        </span>
      </label>
    </AwsActionForm>
  );
}

/**
 * The two ways for a recorded provider or role — Trustbridge applies it, or the exports to do it by
 * hand (members get the exports only) — and the link to the next step.
 */
export function RecordWays({ orgId, kind, record, target, what, way, onWay, canManage, next }: { orgId: string; kind: AwsKind; record: TAwsProvider | TAwsRole; target: PermissionTarget; what: string; way: Way; onWay: (way: Way) => void; canManage: boolean; next: { href: string; label: string } }) {
  const noun = kind === 'providers' ? 'provider' : 'role';
  const exports = <ExportTabs orgId={orgId} kind={kind} id={record.id} what={what} />;
  return (
    <>
      {canManage ? (
        <TwoWays label={`How to apply the ${noun}`} way={way} onWay={onWay} trustbridge={<ApplyRecordForm orgId={orgId} kind={kind} record={record} target={target} />} yourself={exports} />
      ) : (
        <>
          <Alert tone="info">You can read this {noun} and its exports; only owners and admins of this organization change it in AWS.</Alert>
          {exports}
        </>
      )}
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
        <ButtonLink href={next.href}>{next.label}</ButtonLink>
      </div>
    </>
  );
}
