'use client';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { api, errorMessage } from '@/lib/client/api';
import type { SubjectField } from '@/lib/domain/claims/subject-template';
import { ZSubjectPreview } from '@/lib/schemas/issuer';

/** Shows every environment's subject before and after, and which saved trust policies change; asks for confirmation. */
export function SubjectChangeDialog({ orgId, template, onCancel, onConfirm, saving }: { orgId: string; template: SubjectField[]; onCancel: () => void; onConfirm: () => void; saving: boolean }) {
  const preview = useQuery({
    queryKey: ['subject-preview', orgId, template.join(':')],
    queryFn: () => api(`/api/v1/orgs/${orgId}/issuer/subject-preview`, ZSubjectPreview, { method: 'POST', body: { subjectTemplate: template } }),
    staleTime: 0,
  });
  const affected = preview.data?.policies.filter((p) => p.stopsAdmitting.length > 0 || p.startsAdmitting.length > 0) ?? [];
  return (
    <Dialog open onClose={onCancel} title="Change the subject of every environment?" description="Roles whose trust policies name the old subjects will refuse these environments until the policies are updated.">
      {preview.isPending ? <Spinner label="Computing the new subjects…" /> : null}
      {preview.isError ? <Alert tone="error">{errorMessage(preview.error)}</Alert> : null}
      {preview.data ? (
        <div className="space-y-4">
          {affected.length > 0 ? (
            <Alert tone="warning" title={`${affected.length} saved trust polic${affected.length === 1 ? 'y changes' : 'ies change'} whom they admit`}>
              <ul className="mt-1 list-disc pl-5">
                {affected.map((p) => (
                  <li key={p.policyId}>
                    <strong>{p.name}</strong>
                    {p.stopsAdmitting.length > 0 ? ` stops admitting ${p.stopsAdmitting.map((e) => e.name).join(', ')}` : ''}
                    {p.startsAdmitting.length > 0 ? ` starts admitting ${p.startsAdmitting.map((e) => e.name).join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <Alert tone="info">No saved trust policy changes whom it admits.</Alert>
          )}
          <div className="relative max-h-72 overflow-auto rounded-md border border-slate-200">
            <table className="w-full text-left text-xs">
              <thead className="sticky top-0 bg-slate-50 text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2">Environment</th>
                  <th scope="col" className="px-3 py-2">Subject before → after</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.data.environments.map((e) => (
                  <tr key={e.environmentId}>
                    <td className="px-3 py-2 align-top font-medium">
                      {e.projectSlug}/{e.slug}
                    </td>
                    <td className="break-all px-3 py-2 font-mono">
                      <span className="text-red-700 line-through">{e.before}</span>
                      <br />
                      <span className="text-emerald-800">{e.after}</span>
                    </td>
                  </tr>
                ))}
                {preview.data.environments.length === 0 ? (
                  <tr>
                    <td colSpan={2} className="px-3 py-3 text-slate-500">
                      No environments yet: nothing changes for existing workloads.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" disabled={!preview.data} loading={saving} onClick={onConfirm}>
          Change the subject
        </Button>
      </div>
    </Dialog>
  );
}
