import { Badge } from '@/components/ui/badge';
import { isInAws } from '@/lib/client/aws-wizard';
import type { AwsRecordStatus, VerificationState } from '@/lib/domain/aws/verification-state';
import type { TAwsProvider } from '@/lib/schemas/aws';

// How a record's status and its last verification read on screen: a word and a symbol with every
// colour, so nothing is told by colour alone.

type Tone = 'green' | 'amber' | 'red' | 'neutral' | 'blue';

export const VERIFICATION: Record<VerificationState, { label: string; symbol: string; tone: Tone; meaning: string }> = {
  in_sync: { label: 'In sync', symbol: '✓', tone: 'green', meaning: 'AWS has exactly what the record says (last verification).' },
  drifted: { label: 'Drifted', symbol: '!', tone: 'amber', meaning: 'AWS differs from the record: someone changed or deleted it there.' },
  never_verified: { label: 'Never verified', symbol: '?', tone: 'neutral', meaning: 'Not read back from AWS since it was recorded or applied.' },
  failed: { label: 'Failed', symbol: '×', tone: 'red', meaning: 'The last apply or verification failed.' },
};

export const STATUS: Record<AwsRecordStatus, { label: string; tone: Tone }> = {
  recorded: { label: 'Not applied', tone: 'neutral' },
  applied: { label: 'Applied, not verified', tone: 'blue' },
  in_sync: { label: 'In sync', tone: 'green' },
  drifted: { label: 'Drifted', tone: 'amber' },
  failed: { label: 'Failed', tone: 'red' },
};

export function StatusBadge({ status, differenceCount = 0 }: { status: AwsRecordStatus; differenceCount?: number }) {
  if (status === 'drifted') return <DriftBadge count={differenceCount} />;
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

/** AWS differs from the record: how many differences the last verification found. */
export function DriftBadge({ count }: { count: number }) {
  return (
    <Badge tone="amber">
      <span aria-hidden="true" className="mr-1 font-bold">
        !
      </span>
      {`Drifted · ${count} difference${count === 1 ? '' : 's'}`}
    </Badge>
  );
}

export function VerificationBadge({ state }: { state: VerificationState }) {
  const v = VERIFICATION[state];
  return (
    <Badge tone={v.tone}>
      <span aria-hidden="true" className="mr-1 font-bold">
        {v.symbol}
      </span>
      {v.label}
    </Badge>
  );
}

/** The apply button says what it will do: create, bring AWS up to the edited record, or apply again. */
export function applyLabel(record: Pick<TAwsProvider, 'status' | 'lastApply' | 'lastVerification'>, create: string): string {
  if (!isInAws(record)) return create;
  return record.status === 'recorded' ? 'Apply the changes in AWS' : 'Apply the record again';
}
