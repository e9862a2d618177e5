import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** What differs between two versions of a record, field by field, for a person to read. */
export function fieldChanges<T>(before: T, after: T, fields: readonly { label: string; show: (value: T) => string }[]): FieldChange[] {
  return fields.flatMap(({ label, show }) => (show(before) === show(after) ? [] : [{ label, before: show(before), after: show(after) }]));
}

/**
 * A save or delete refused with 409 version_conflict: what the other person changed (read back from
 * the server), and the two ways on — load their version, or keep what is on screen and save it over
 * theirs knowingly. `gone`: they removed it meanwhile.
 */
export function ConflictNotice({
  what,
  changes,
  gone,
  onUseTheirs,
  onKeepMine,
  keepLabel = 'Keep my changes',
}: {
  what: string;
  changes: readonly FieldChange[];
  gone: boolean;
  onUseTheirs: () => void;
  onKeepMine?: (() => void) | undefined;
  keepLabel?: string;
}) {
  return (
    <Alert tone="warning" title={gone ? `Someone else removed this ${what} while you were editing it` : `Someone else changed this ${what} while you were editing it`}>
      {gone ? (
        <p>Nothing was saved.</p>
      ) : changes.length > 0 ? (
        <>
          <p>Nothing was saved. Their version:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {changes.map((c) => (
              <li key={c.label} className="wrap-anywhere">
                {c.label}: <span className="line-through decoration-amber-700/60">{c.before}</span> → <strong>{c.after}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing was saved. Their save changed none of the fields shown here.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={onUseTheirs}>
          {gone ? 'Reload' : 'Load their version'}
        </Button>
        {onKeepMine ? (
          <Button size="sm" variant="secondary" onClick={onKeepMine}>
            {keepLabel}
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}
