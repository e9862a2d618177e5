'use client';
import { useId } from 'react';
import { cn } from './cn';

export interface Choice<T extends string> {
  value: T;
  title: string;
  text: string;
}

/** A radio group drawn as cards: a title and a line of explanation per choice. */
export function ChoiceCards<T extends string>({ legend, choices, value, onChange, tone = 'brand', className, hideLegend = false }: { legend: string; choices: readonly Choice<T>[]; value: T; onChange: (value: T) => void; tone?: 'brand' | 'danger'; className?: string; hideLegend?: boolean }) {
  const name = useId();
  const chosen = tone === 'danger' ? 'border-red-400 bg-red-50' : 'border-brand-500 bg-brand-50';
  return (
    <fieldset>
      <legend className={hideLegend ? 'sr-only' : 'mb-2 text-sm font-medium text-slate-800'}>{legend}</legend>
      <div className={cn('grid gap-2', className)}>
        {choices.map((c) => (
          <label key={c.value} className={cn('flex cursor-pointer gap-2.5 rounded-md border px-3 py-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600', value === c.value ? chosen : 'border-slate-200 bg-white hover:bg-slate-50')}>
            <input type="radio" name={name} checked={value === c.value} onChange={() => onChange(c.value)} className="mt-0.5 size-4" />
            <span>
              <span className="block font-medium text-slate-900">{c.title}</span>
              <span className="block text-xs text-slate-600">{c.text}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
