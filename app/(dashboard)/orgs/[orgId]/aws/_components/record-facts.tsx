import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DateTime } from '@/components/ui/time';
import type { AwsOperation, PermissionTarget } from '@/lib/domain/aws/required-permissions';
import type { TAwsProvider, TLastApply } from '@/lib/schemas/aws';
import { LastApply } from './apply-result';
import { StatusBadge } from './record-status';

type RecordState = Pick<TAwsProvider, 'status' | 'verification'>;

/** A record's name, its status with the drift count, and when it was last verified. */
export function RecordHeader({ title, record, actions }: { title: string; record: RecordState; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-1">
        <h3 className="text-base font-semibold text-slate-900 wrap-anywhere">{title}</h3>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={record.status} differenceCount={record.verification.differenceCount} />
          <span>
            Last verified: {record.verification.at ? <DateTime value={record.verification.at} /> : 'never'}
          </span>
        </p>
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}

/** Edit and Delete… for owners and admins, while the record is not being edited. */
export function RecordButtons({ show, onEdit, onDelete }: { show: boolean; onEdit: () => void; onDelete: () => void }) {
  if (!show) return null;
  return (
    <>
      <Button size="sm" variant="secondary" onClick={onEdit}>
        Edit
      </Button>
      <Button size="sm" variant="secondary" onClick={onDelete}>
        Delete…
      </Button>
    </>
  );
}

/** What the record says, and what its last apply did in AWS. */
export function RecordFacts({ facts, lastApply, operation, target }: { facts: ReadonlyArray<[string, ReactNode]>; lastApply: TLastApply | null; operation: AwsOperation; target: PermissionTarget }) {
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className="min-w-0 text-slate-900 wrap-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
      {lastApply ? <LastApply lastApply={lastApply} operation={lastApply.operation === 'delete' ? (operation.replace('.apply', '.delete-in-aws') as AwsOperation) : operation} target={target} /> : null}
    </div>
  );
}
