'use client';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { BaseOperator } from '@/lib/domain/trust-policy';
import { valueWarning } from './operators';

/** A row's values as removable chips; Enter or "Add value" adds what is typed. Values are ORed by AWS. */
export function ValueChips({ values, operator, onChange, disabled, label, invalid }: { values: string[]; operator: BaseOperator; onChange: (next: string[]) => void; disabled: boolean; label: string; invalid: boolean }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const add = () => {
    const value = draft.trim();
    if (value === '') return setError('Type a value first: AWS does not accept an empty one here.');
    if (values.includes(value)) return setError('This value is already in the row.');
    onChange([...values, value]);
    setDraft('');
    setError(null);
  };
  const warnings = values.map((v) => valueWarning(operator, v));
  const draftWarning = draft.trim() ? valueWarning(operator, draft.trim()) : null;
  return (
    <div className="space-y-2">
      {values.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label}: values (any one may match)`}>
          {values.map((value, i) => (
            <li key={value} className={cn('inline-flex max-w-full items-center gap-1 rounded-full border py-0.5 pl-2.5 pr-0.5 text-xs', warnings[i] ? 'border-amber-300 bg-amber-50' : 'border-slate-300 bg-slate-50')}>
              <code className="break-all font-mono">{value}</code>
              {disabled ? null : (
                <button type="button" onClick={() => onChange(values.filter((v) => v !== value))} className="rounded-full px-1.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900" aria-label={`Remove value ${value}`}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className={cn('text-xs', invalid ? 'text-amber-900' : 'text-slate-500')}>No values yet — add at least one.</p>
      )}
      {warnings.filter((w): w is string => w !== null).slice(0, 1).map((w) => (
        <p key={w} className="text-xs text-amber-800">
          {w}
        </p>
      ))}
      {disabled ? null : (
        <div className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={id} className="sr-only">
              {`${label}: new value`}
            </label>
            <input
              id={id}
              value={draft}
              onChange={(e) => (setDraft(e.target.value), setError(null))}
              onKeyDown={(e) => (e.key === 'Enter' ? (e.preventDefault(), add()) : undefined)}
              placeholder="Add a value and press Enter"
              aria-invalid={error ? true : undefined}
              aria-describedby={error || draftWarning ? `${id}-msg` : undefined}
              className={cn('block w-full rounded-md border bg-white px-2.5 py-1.5 font-mono text-xs text-slate-900 shadow-sm placeholder:font-sans placeholder:text-slate-400 focus:outline-2 focus:outline-brand-500', error ? 'border-red-400' : 'border-slate-300')}
            />
            {error || draftWarning ? (
              <p id={`${id}-msg`} className={cn('mt-1 text-xs', error ? 'text-red-700' : 'text-amber-800')}>
                {error ?? draftWarning}
              </p>
            ) : null}
          </div>
          <Button size="sm" variant="secondary" onClick={add} aria-label={`${label}: add value`}>
            Add value
          </Button>
        </div>
      )}
    </div>
  );
}
