import type { ReactNode } from 'react';
import { Alert } from './alert';

/**
 * Sticky at the bottom of a long form: what the last save did and the Save button, together and
 * visible wherever the page is scrolled (the result of a save is shown where the person clicked).
 */
export function SaveBar({ status, message, children }: { status: ReactNode; message?: ReactNode; children: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8">
      {message}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="mr-auto text-sm text-slate-600" role="status">
          {status}
        </p>
        {children}
      </div>
    </div>
  );
}

/** Why a save was refused: every field error with its label, and what belongs to no field. */
export function NotSaved({ summary, general }: { summary: readonly { field: string; label: string; message: string }[]; general: string | null }) {
  if (summary.length === 0 && !general) return null;
  return (
    <Alert tone="error" title="Not saved">
      {general ? <p>{general}</p> : null}
      {summary.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5">
          {summary.map((e) => (
            <li key={e.field}>
              {e.label}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
