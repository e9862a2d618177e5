'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ZAudience } from '@/lib/schemas/issuer';

/** Allowed audiences as removable chips; the first one is the default when a caller names none. */
export function AudiencesEditor({ value, onChange, disabled, error }: { value: string[]; onChange: (next: string[]) => void; disabled: boolean; error?: string | undefined }) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const add = () => {
    const parsed = ZAudience.safeParse(draft);
    if (!parsed.success) return setDraftError(parsed.error.issues[0]?.message);
    if (value.includes(parsed.data)) return setDraftError('Already allowed.');
    onChange([...value, parsed.data]);
    setDraft('');
    setDraftError(undefined);
  };
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2" aria-label="Allowed audiences">
        {value.map((aud, i) => (
          <li key={aud} className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-slate-50 py-1 pl-3 pr-1 text-sm">
            <code className="font-mono">{aud}</code>
            {i === 0 ? <span className="text-xs text-slate-500">default</span> : null}
            <button type="button" disabled={disabled || value.length === 1} onClick={() => onChange(value.filter((a) => a !== aud))} className="rounded-full px-2 text-slate-500 hover:bg-slate-200 disabled:opacity-40" aria-label={`Remove audience ${aud}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <div className="flex items-end gap-2">
        <TextField label="Add audience" value={draft} onChange={(e) => setDraft(e.target.value)} error={draftError} disabled={disabled} className="flex-1" onKeyDown={(e) => (e.key === 'Enter' ? (e.preventDefault(), add()) : undefined)} />
        <Button variant="secondary" onClick={add} disabled={disabled || draft.trim() === ''}>
          Add
        </Button>
      </div>
    </div>
  );
}
