'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { ConnectionTest } from '@/components/credentials/connection-test';
import { envLabelOf, inheritedFor, overrideOf, testChoices } from '@/components/credentials/environment-credential-context';
import { OverrideEditor } from '@/components/credentials/override-editor';
import { sessionLength, type RecordedRoleOption } from '@/components/credentials/recorded-roles';
import { SOURCE_LABELS, SourceBadge } from '@/components/credentials/source-badge';
import { Alert } from '@/components/ui/alert';
import { Badge, stageTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { errorMessage } from '@/lib/client/api';
import { EFFECTIVE_PAGE_SIZE, effectiveCredentialsQuery, type EffectiveFilter, type EffectiveSourceFilter } from '@/lib/client/queries/credentials';
import { STAGES, type TStage } from '@/lib/schemas/common';
import type { TDeploymentCredential, TEffectiveCredentialRow } from '@/lib/schemas/credentials';
import type { TProject } from '@/lib/schemas/projects';

const SOURCES: EffectiveSourceFilter[] = ['environment', 'project', 'organization', 'none'];

function RoleSummary({ row }: { row: TEffectiveCredentialRow }) {
  const e = row.effective;
  if (!e) return <span className="text-slate-500">No credential applies</span>;
  return (
    <>
      <span className="block font-mono text-xs text-slate-800 wrap-anywhere">{e.roleArn}</span>
      <span className="mt-0.5 block text-xs text-slate-500">
        {sessionLength(e.durationSeconds)} · from {e.source === 'environment' ? 'its override' : `“${e.sourceName}”`}
      </span>
      {e.warnings.map((w) => (
        <span key={w.field + w.message} className="mt-1 block text-xs text-amber-800">
          ⚠ {w.message}
        </span>
      ))}
    </>
  );
}

/**
 * Every environment of the organization with its effective credential and where it comes from;
 * filters, pages of 50, and for admins the override editor and Test connection inside the table.
 */
export function EffectiveTable({
  orgId,
  canManage,
  canTest,
  projects,
  credentials,
  roles,
}: {
  orgId: string;
  canManage: boolean;
  canTest: boolean;
  projects: readonly TProject[];
  credentials: readonly TDeploymentCredential[];
  roles: readonly RecordedRoleOption[];
}) {
  const [filter, setFilter] = useState<EffectiveFilter>({});
  const [cursors, setCursors] = useState<string[]>(['']);
  const [open, setOpen] = useState<{ envId: string; what: 'override' | 'test' } | null>(null);
  const cursor = cursors[cursors.length - 1] ?? '';
  const page = useQuery({ ...effectiveCredentialsQuery(orgId, filter, cursor), placeholderData: keepPreviousData });
  const rows = page.data?.items ?? [];
  const changeFilter = (next: EffectiveFilter) => {
    setFilter(next);
    setCursors(['']);
    setOpen(null);
  };
  const toggle = (envId: string, what: 'override' | 'test') => setOpen((o) => (o?.envId === envId && o.what === what ? null : { envId, what }));
  const first = (cursors.length - 1) * EFFECTIVE_PAGE_SIZE + 1;
  const filtered = Object.values(filter).some(Boolean);
  const columns = canManage || canTest ? 5 : 4;

  return (
    <Card>
      <CardHeader title="Effective credential of every environment" description="Override → project credential → organization credential: the first that exists wins, and the badge says which." />
      <div className="grid gap-4 border-b border-slate-200 px-5 py-4 md:grid-cols-3">
        <SelectField label="Project" value={filter.projectId ?? ''} onChange={(e) => changeFilter({ ...filter, projectId: e.target.value || undefined })}>
          <option value="">All projects</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Stage" value={filter.stage ?? ''} onChange={(e) => changeFilter({ ...filter, stage: (e.target.value || undefined) as TStage | undefined })}>
          <option value="">All stages</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <SelectField label="Source" value={filter.source ?? ''} onChange={(e) => changeFilter({ ...filter, source: (e.target.value || undefined) as EffectiveSourceFilter | undefined })}>
          <option value="">All sources</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </div>
      {page.isError ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(page.error)}</Alert>
        </div>
      ) : page.isPending ? (
        <div className="px-5">
          <LoadingRows label="Loading environments" />
        </div>
      ) : rows.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-slate-600">
          {filtered ? (
            'No environment matches these filters.'
          ) : (
            <>
              No environments yet.{' '}
              <Link href={`/orgs/${orgId}/environments`} className="font-medium text-brand-700 hover:underline">
                Create a project and its environments
              </Link>
              .
            </>
          )}
        </p>
      ) : (
        <div className="relative overflow-x-auto" aria-busy={page.isPlaceholderData || undefined}>
          <table className="w-full text-left text-sm" aria-label="Effective credentials">
            <thead className={TABLE_HEAD}>
              <tr>
                <th scope="col" className={headCell()}>Environment</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Source</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Role</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Audience · Region</th>
                {columns === 5 ? <th scope="col" className={headCell()}><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => {
                const label = envLabelOf(row);
                const override = overrideOf(row);
                const isOpen = open?.envId === row.id ? open.what : null;
                return (
                  <Fragment key={row.id}>
                    <tr className="align-top">
                      <td className={bodyCell('wrap-anywhere')}>
                        <Link href={`/orgs/${orgId}/environments/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.environment.name}
                        </Link>
                        <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                          <span className="font-mono">{label}</span>
                          <Badge tone={stageTone(row.environment.stage)}>{row.environment.stage}</Badge>
                          <span className="md:hidden">
                            <SourceBadge source={row.effective?.source ?? null} />
                          </span>
                        </span>
                        <span className={PHONE_ONLY}>
                          <RoleSummary row={row} />
                        </span>
                      </td>
                      <td className={bodyCell(WIDE_ONLY)}>
                        <SourceBadge source={row.effective?.source ?? null} />
                      </td>
                      <td className={bodyCell(`${WIDE_ONLY} max-w-md`)}>
                        <RoleSummary row={row} />
                      </td>
                      <td className={bodyCell(`${WIDE_ONLY} text-xs text-slate-700 wrap-anywhere`)}>{row.effective ? `${row.effective.audience} · ${row.effective.region ?? 'no Region'}` : '—'}</td>
                      {columns === 5 ? (
                        <td className={bodyCell('text-right')}>
                          <div className="flex flex-col items-end gap-2 md:flex-row md:justify-end">
                            {canManage ? (
                              <Button size="sm" variant={isOpen === 'override' ? 'primary' : 'secondary'} aria-expanded={isOpen === 'override'} aria-label={`${override ? 'Edit the override of' : 'Override the role of'} ${label}`} onClick={() => toggle(row.id, 'override')}>
                                {override ? 'Edit override' : 'Override'}
                              </Button>
                            ) : null}
                            {canTest && row.effective ? (
                              <Button size="sm" variant={isOpen === 'test' ? 'primary' : 'secondary'} aria-expanded={isOpen === 'test'} aria-label={`Test connection for ${label}`} onClick={() => toggle(row.id, 'test')}>
                                Test
                              </Button>
                            ) : null}
                          </div>
                        </td>
                      ) : null}
                    </tr>
                    {isOpen ? (
                      <tr>
                        <td colSpan={columns} className="bg-slate-50 px-5 py-4">
                          {isOpen === 'override' ? (
                            <OverrideEditor orgId={orgId} envId={row.id} envLabel={label} current={override} inherited={inheritedFor(credentials, row)} roles={roles} onClose={() => setOpen(null)} />
                          ) : (
                            <section aria-label={`Test connection for ${label}`}>
                              <ConnectionTest orgId={orgId} envId={row.id} envLabel={label} choices={testChoices(credentials, row)} autoRun />
                            </section>
                          )}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursors.length > 1 || page.data?.nextCursor ? (
        <nav aria-label="Pages of environments" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-5 py-3 text-sm text-slate-600">
          <span>
            Environments {first}–{first + rows.length - 1}
          </span>
          <span className="flex gap-2">
            <Button size="sm" variant="secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous
            </Button>
            <Button size="sm" variant="secondary" disabled={!page.data?.nextCursor || page.isPlaceholderData} onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data.nextCursor ?? ''])}>
              Next
            </Button>
          </span>
        </nav>
      ) : null}
    </Card>
  );
}
