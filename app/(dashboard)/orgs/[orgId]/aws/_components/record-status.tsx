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

/** A badge whose symbol repeats its colour's meaning for those who do not see the colour. */
export function SymbolBadge({ tone, symbol, children }: { tone: Tone; symbol: string; children: string }) {
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className="mr-1 font-bold">
        {symbol}
      </span>
      {children}
    </Badge>
  );
}

/** AWS differs from the record: how many differences the last verification found. */
function DriftBadge({ count }: { count: number }) {
  return (
    <SymbolBadge tone="amber" symbol="!">
      {`Drifted · ${count} difference${count === 1 ? '' : 's'}`}
    </SymbolBadge>
  );
}

export function VerificationBadge({ state }: { state: VerificationState }) {
  const v = VERIFICATION[state];
  return (
    <SymbolBadge tone={v.tone} symbol={v.symbol}>
      {v.label}
    </SymbolBadge>
  );
}

/** The apply button says what it will do: create, bring AWS up to the edited record, or apply again. */
export function applyLabel(record: Pick<TAwsProvider, 'status' | 'lastApply' | 'lastVerification'>, create: string): string {
  if (!isInAws(record)) return create;
  return record.status === 'recorded' ? 'Apply the changes in AWS' : 'Apply the record again';
}
