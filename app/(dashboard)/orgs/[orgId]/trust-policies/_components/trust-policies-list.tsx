'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PlusIcon, ShieldIcon } from '@/components/ui/icons';
import { LoadFailed } from '@/components/ui/load-failed';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { trustPoliciesQuery } from '@/lib/client/queries/trust-policies';
import type { TTrustPolicySummary } from '@/lib/schemas/trust-policy';

function Problems({ problems }: { problems: TTrustPolicySummary['problems'] }) {
  if (problems.error + problems.warning + problems.info === 0) return <Badge tone="green">No lint findings</Badge>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {problems.error > 0 ? <Badge tone="red">{`${problems.error} error${problems.error === 1 ? '' : 's'}`}</Badge> : null}
      {problems.warning > 0 ? <Badge tone="amber">{`${problems.warning} warning${problems.warning === 1 ? '' : 's'}`}</Badge> : null}
      {problems.info > 0 ? <Badge tone="blue">{`${problems.info} note${problems.info === 1 ? '' : 's'}`}</Badge> : null}
    </span>
  );
}

export function TrustPoliciesList({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const list = useQuery(trustPoliciesQuery(orgId));
  const newHref = `/orgs/${orgId}/trust-policies/new`;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Trust policies"
        description="Say which environments may assume an AWS role, and see exactly which ones a policy admits — evaluated the way AWS evaluates it."
        actions={
          canManage ? (
            <ButtonLink href={newHref}>
              <PlusIcon /> New policy
            </ButtonLink>
          ) : undefined
        }
      />
      {list.isError ? (
        <LoadFailed what="The policies" error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <LoadingRows label="Loading trust policies" />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<ShieldIcon />}
          title="No trust policies yet"
          action={
            canManage ? (
              <ButtonLink href={newHref}>
                <PlusIcon /> Build your first policy
              </ButtonLink>
            ) : undefined
          }
        >
          {canManage
            ? 'A trust policy says which environments may assume an AWS role. Start from a preset — this organization, one project, chosen environments or all production environments — or import the JSON of an existing role.'
            : 'A trust policy says which environments may assume an AWS role. An owner or admin of this organization has not saved one yet.'}
        </EmptyState>
      ) : (
        <Card>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Saved trust policies</caption>
              <thead className={TABLE_HEAD}>
                <tr>
                  <th scope="col" className={headCell()}>Name</th>
                  <th scope="col" className={headCell()}>Lint</th>
                  <th scope="col" className={headCell(WIDE_ONLY)}>Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50">
                    <td className={bodyCell('align-top wrap-anywhere')}>
                      <Link href={`/orgs/${orgId}/trust-policies/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      {p.description ? <p className="mt-0.5 text-slate-600">{p.description}</p> : null}
                      <span className={PHONE_ONLY}>
                        Updated <DateTime value={p.updatedAt} />
                      </span>
                    </td>
                    <td className={bodyCell('align-top')}>
                      <Problems problems={p.problems} />
                    </td>
                    <td className={bodyCell(`${WIDE_ONLY} whitespace-nowrap align-top text-slate-700`)}>
                      <DateTime value={p.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
