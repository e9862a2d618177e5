'use client';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';

const SHOWN = 100;

/** Checkbox list of environments with a search; shows at most SHOWN matches at a time. */
export function EnvironmentChooser({ environments, selected, onChange }: { environments: TPolicyContext['environments']; selected: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const id = useId();
  const matches = useMemo(() => (query ? environments.filter((e) => `${e.name} ${e.projectSlug}/${e.slug} ${e.stage}`.toLowerCase().includes(query)) : environments), [environments, query]);
  const toggle = (envId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(envId);
    else next.delete(envId);
    onChange(next);
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Search environments to choose
        </label>
        <span className="text-xs text-slate-600">{selected.size} chosen</span>
      </div>
      <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, project/slug or stage" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-brand-500" />
      <fieldset className="max-h-56 overflow-auto rounded-md border border-slate-200 bg-white">
        <legend className="sr-only">Environments</legend>
        {matches.length === 0 ? <p className="px-3 py-3 text-sm text-slate-500">No environment matches.</p> : null}
        {matches.slice(0, SHOWN).map((env) => (
          <label key={env.id} className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5 text-sm last:border-b-0 hover:bg-slate-50">
            <input type="checkbox" className="size-4" checked={selected.has(env.id)} onChange={(e) => toggle(env.id, e.target.checked)} />
            <span className="font-medium text-slate-900">{env.name}</span>
            <span className="font-mono text-xs text-slate-500">
              {env.projectSlug}/{env.slug}
            </span>
          </label>
        ))}
        {matches.length > SHOWN ? <p className="px-3 py-2 text-xs text-slate-500">{matches.length - SHOWN} more — refine the search.</p> : null}
      </fieldset>
    </div>
  );
}
