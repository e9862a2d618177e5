'use client';
import { useRouter } from 'next/navigation';
import { useId } from 'react';

export interface OrgChoice {
  id: string;
  name: string;
  role: string;
}

/** Switches organization, keeping the current section (e.g. Audit log) when possible. */
export function OrgSwitcher({ current, organizations }: { current: string; organizations: OrgChoice[] }) {
  const router = useRouter();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500">
        Organization
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const value = event.target.value;
          if (value === '__new') router.push('/orgs/new');
          else {
            const section = window.location.pathname.split('/').slice(3, 4).join('/');
            router.push(`/orgs/${value}${section ? `/${section}` : ''}`);
          }
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 shadow-sm focus:outline-2 focus:outline-brand-500"
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
        <option value="__new">+ New organization…</option>
      </select>
    </div>
  );
}
