import Link from 'next/link';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { wizardHref } from '@/lib/client/aws-wizard';
import type { TAwsProvider, TAwsRole } from '@/lib/schemas/aws';
import { StatusBadge } from './record-status';

interface Row {
  id: string;
  kind: 'Provider' | 'Role';
  name: string;
  record: TAwsProvider | TAwsRole;
  href: string;
}

/** Every provider and role of the organization: status, last verified, and a drift badge. */
export function RecordsList({ orgId, providers, roles, selected }: { orgId: string; providers: readonly TAwsProvider[]; roles: readonly TAwsRole[]; selected: readonly string[] }) {
  const rows: Row[] = [
    ...providers.map((p) => ({ id: p.id, kind: 'Provider' as const, name: `OIDC provider · ${p.accountId}`, record: p, href: wizardHref(orgId, { step: 'provider', providerId: p.id }) })),
    ...roles.map((r) => ({ id: r.id, kind: 'Role' as const, name: r.roleName, record: r, href: wizardHref(orgId, { step: 'role', providerId: providers.find((p) => p.accountId === r.accountId)?.id, roleId: r.id }) })),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">AWS providers and roles</caption>
        <thead className={TABLE_HEAD}>
          <tr>
            <th scope="col" className={headCell()}>Resource</th>
            <th scope="col" className={headCell()}>Status</th>
            <th scope="col" className={headCell(WIDE_ONLY)}>Last verified</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={selected.includes(row.id) ? 'bg-brand-50/60' : 'hover:bg-slate-50'}>
              <td className={bodyCell('align-top wrap-anywhere')}>
                <span className="mr-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">{row.kind}</span>
                <Link href={row.href} className="font-medium text-brand-700 hover:underline" aria-current={selected.includes(row.id) ? 'true' : undefined}>
                  {row.name}
                </Link>
                <span className="mt-0.5 block break-all font-mono text-xs text-slate-500">{row.record.arn}</span>
                <span className={PHONE_ONLY}>
                  Last verified: <DateTime value={row.record.verification.at} />
                </span>
              </td>
              <td className={bodyCell('align-top')}>
                <StatusBadge status={row.record.status} differenceCount={row.record.verification.differenceCount} />
              </td>
              <td className={bodyCell(`${WIDE_ONLY} whitespace-nowrap align-top text-slate-700`)}>
                <DateTime value={row.record.verification.at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
