'use client';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Badge, stageTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Spinner } from '@/components/ui/spinner';
import { computeReach, type Policy, type ReachContext, type ReachEnvironment } from '@/lib/domain/trust-policy';

export type ReachRow = ReachEnvironment & { name: string };
type Filter = 'all' | 'admitted' | 'refused';
const PAGE = 200;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Which environments of the organization the policy admits, decided like AWS from each one's token.
 * Recomputed from a deferred copy of the policy, so typing stays responsive with many environments;
 * at most PAGE rows more per "Show more".
 */
export function ReachPreview({ policy, environments, context, truncated }: { policy: Policy; environments: readonly ReachRow[]; context: ReachContext; truncated: boolean }) {
  const deferredPolicy = useDeferredValue(policy);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const deferredSearch = useDeferredValue(search.trim().toLowerCase());
  const searchId = useId();

  const results = useMemo(() => computeReach(deferredPolicy, environments, context), [deferredPolicy, environments, context]);
  const haystacks = useMemo(() => environments.map((e) => `${e.name} ${e.projectSlug}/${e.slug} ${e.stage} ${e.sub}`.toLowerCase()), [environments]);
  const admitted = results.reduce((n, r) => n + (r.admitted ? 1 : 0), 0);
  const shown = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (!r || (filter === 'admitted' && !r.admitted) || (filter === 'refused' && r.admitted)) continue;
      if (deferredSearch && !(haystacks[i] ?? '').includes(deferredSearch)) continue;
      out.push(i);
    }
    return out;
  }, [results, haystacks, filter, deferredSearch]);
  const stale = deferredPolicy !== policy || deferredSearch !== search.trim().toLowerCase();

  if (environments.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">This organization has no environments yet, so there is nothing to preview. Create environments and come back: each one is checked against this policy the way AWS would.</p>;
  }
  const choices: Array<{ value: Filter; label: string }> = [
    { value: 'all', label: `All (${fmt(environments.length)})` },
    { value: 'admitted', label: `Admitted (${fmt(admitted)})` },
    { value: 'refused', label: `Refused (${fmt(environments.length - admitted)})` },
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        <p className="text-sm text-slate-800">
          <strong className="text-emerald-700">{fmt(admitted)}</strong> admitted · <strong className="text-red-700">{fmt(environments.length - admitted)}</strong> refused of {fmt(environments.length)} environment{environments.length === 1 ? '' : 's'}
          {deferredSearch ? ` · ${fmt(shown.length)} match the search` : ''}
        </p>
        {stale ? <Spinner label="Updating…" className="text-slate-500" /> : null}
      </div>
      {truncated ? <p className="text-xs text-amber-800">The organization has more environments than the preview loads; only the first {environments.length} are checked.</p> : null}
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          <legend className="sr-only">Show environments</legend>
          {choices.map((c) => (
            <label key={c.value} className={cn('relative cursor-pointer rounded px-3 py-1.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600', filter === c.value ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100')}>
              <input type="radio" name={`${searchId}-filter`} value={c.value} checked={filter === c.value} onChange={() => (setFilter(c.value), setLimit(PAGE))} className="absolute inset-0 cursor-pointer opacity-0" />
              {c.label}
            </label>
          ))}
        </fieldset>
        <div className="min-w-48 flex-1">
          <label htmlFor={searchId} className="sr-only">
            Search environments
          </label>
          <input id={searchId} type="search" value={search} onChange={(e) => (setSearch(e.target.value), setLimit(PAGE))} placeholder="Search by name, project/slug, stage or sub" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-brand-500" />
        </div>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Reach of this policy</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Environment</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Stage</th>
              <th scope="col" className="px-3 py-2 font-medium">Decision</th>
              <th scope="col" className="px-3 py-2 font-medium">Why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.slice(0, limit).map((i) => {
              const env = environments[i] as ReachRow;
              const r = results[i];
              return (
                <tr key={env.id}>
                  <td className="px-3 py-2 align-top">
                    <span className="block font-medium text-slate-900">{env.name}</span>
                    <span className="font-mono text-xs text-slate-500">
                      {env.projectSlug}/{env.slug}
                    </span>
                  </td>
                  <td className="hidden px-3 py-2 align-top sm:table-cell">
                    <Badge tone={stageTone(env.stage)}>{env.stage}</Badge>
                  </td>
                  <td className="px-3 py-2 align-top">{r?.admitted ? <Badge tone="green">Admitted</Badge> : <Badge tone="red">Refused</Badge>}</td>
                  <td className="px-3 py-2 align-top text-xs text-slate-700">
                    <span className="line-clamp-3 wrap-anywhere" title={r?.reason}>
                      {r?.reason}
                    </span>
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-sm text-slate-500">
                  No environment matches this filter.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {shown.length > limit ? (
        <div className="flex items-center gap-3">
          <Button size="sm" variant="secondary" onClick={() => setLimit((l) => l + PAGE)}>
            Show more
          </Button>
          <span className="text-xs text-slate-600">
            Showing {fmt(limit)} of {fmt(shown.length)}
          </span>
        </div>
      ) : null}
    </div>
  );
}
