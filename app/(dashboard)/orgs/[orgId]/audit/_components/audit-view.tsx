'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SelectField, TextField } from '@/components/ui/field';
import { ListIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { errorMessage } from '@/lib/client/api';
import { auditQuery, auditSearchParams, type AuditFilter } from '@/lib/client/queries/audit';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { AUDIT_ACTION_FILTERS } from '@/lib/domain/audit/actions';
import type { TAuditEvent } from '@/lib/schemas/audit';

const LABELS = { since: 'From', until: 'To' };
// Dates as typed (yyyy-mm-dd): an empty one is no bound; From after To can match nothing.
const ZDateRange = z
  .object({ since: z.string(), until: z.string() })
  .refine((d) => !d.since || !d.until || d.since <= d.until, { path: ['until'], message: 'The To date must be on or after the From date.' });

function toIso(local: string, endOfDay: boolean): string | undefined {
  if (!local) return undefined;
  const date = new Date(`${local}T${endOfDay ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <pre className="whitespace-pre-wrap rounded bg-slate-900 p-3 font-mono text-xs text-slate-100 wrap-anywhere">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function EventRow({ event }: { event: TAuditEvent }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr className="align-top hover:bg-slate-50">
        <td className={bodyCell(`${WIDE_ONLY} whitespace-nowrap text-slate-700`)}><DateTime value={event.createdAt} /></td>
        <td className={bodyCell('wrap-anywhere')}>
          <Badge tone="blue">{event.action}</Badge>
          <span className={PHONE_ONLY}>
            {event.target.type} {event.target.label} · by {event.actor.label} · <DateTime value={event.createdAt} />
          </span>
        </td>
        <td className={bodyCell(`${WIDE_ONLY} text-slate-800 wrap-anywhere`)}>{event.actor.label}</td>
        <td className={bodyCell(`${WIDE_ONLY} text-slate-800 wrap-anywhere`)}>
          <span className="text-slate-500">{event.target.type}</span> {event.target.label}
        </td>
        <td className={bodyCell('text-right')}>
          <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide' : 'Details'}
          </Button>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={5} className="bg-slate-50 px-5 py-4 wrap-anywhere">
            <div className="flex flex-col gap-4 md:flex-row">
              <Snapshot label="Before" value={event.before} />
              <Snapshot label="After" value={event.after} />
            </div>
            <p className="mt-3 text-xs text-slate-500">
              Request {event.requestId ?? '—'} · from {event.ipAddress ?? 'unknown address'} · event {event.id}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function AuditView({ orgId }: { orgId: string }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState({ action: '', actor: '', since: '', until: '' });
  const errors = useFormErrors(ZDateRange, { since: draft.since, until: draft.until }, LABELS);
  const events = useInfiniteQuery(auditQuery(orgId, filter));
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!errors.validate()) return;
    const next: AuditFilter = {};
    if (draft.action) next.action = draft.action;
    if (draft.actor.trim()) next.actor = draft.actor.trim();
    const since = toIso(draft.since, false);
    const until = toIso(draft.until, true);
    if (since) next.since = since;
    if (until) next.until = until;
    setFilter(next);
  };
  const exportHref = (format: 'csv' | 'ndjson') => {
    const params = auditSearchParams(filter);
    params.set('format', format);
    return `/api/v1/orgs/${orgId}/audit/export?${params.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in this organization: who, what, when, and the state before and after (secrets are never recorded)."
        actions={
          <>
            <a className={buttonClasses('secondary')} href={exportHref('csv')} download>
              Export CSV
            </a>
            <a className={buttonClasses('secondary')} href={exportHref('ndjson')} download>
              Export NDJSON
            </a>
          </>
        }
      />
      <Card className="mb-6">
        <form onSubmit={apply} noValidate className="grid gap-4 p-5 md:grid-cols-5 md:items-end">
          <SelectField label="Action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            {AUDIT_ACTION_FILTERS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </SelectField>
          <TextField label="Actor" placeholder="email contains…" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
          <TextField label={LABELS.since} type="date" value={draft.since} max={draft.until || undefined} onChange={(e) => setDraft({ ...draft, since: e.target.value })} error={errors.fields.since} />
          <TextField label={LABELS.until} type="date" value={draft.until} min={draft.since || undefined} onChange={(e) => setDraft({ ...draft, until: e.target.value })} error={errors.fields.until} />
          <Button type="submit">Apply filters</Button>
        </form>
      </Card>
      {events.isError ? <Alert tone="error">{errorMessage(events.error)}</Alert> : null}
      {events.isPending ? (
        <LoadingRows rows={6} label="Loading audit events" />
      ) : items.length === 0 ? (
        <EmptyState icon={<ListIcon />} title={Object.keys(filter).length > 0 ? 'No events match these filters' : 'No events yet'}>
          {Object.keys(filter).length > 0 ? 'Widen the date range or clear the filters.' : 'Changes to projects, environments, tokens and members will appear here.'}
        </EmptyState>
      ) : (
        <Card>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className={TABLE_HEAD}>
                <tr>
                  <th scope="col" className={headCell(WIDE_ONLY)}>Time</th>
                  <th scope="col" className={headCell()}>Action</th>
                  <th scope="col" className={headCell(WIDE_ONLY)}>Actor</th>
                  <th scope="col" className={headCell(WIDE_ONLY)}>Target</th>
                  <th scope="col" className={headCell()}><span className="sr-only">Details</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((e) => (
                  <EventRow key={e.id} event={e} />
                ))}
              </tbody>
            </table>
          </div>
          {events.hasNextPage ? (
            <div className="border-t border-slate-200 p-4 text-center">
              <Button variant="secondary" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                Load older events
              </Button>
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
