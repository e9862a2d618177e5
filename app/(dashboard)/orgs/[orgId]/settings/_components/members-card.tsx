'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PlusIcon } from '@/components/ui/icons';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import { canAssignRole, type Role } from '@/lib/domain/access/permissions';
import { api, apiNoContent, errorMessage } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { invitationsQuery, membersQuery } from '@/lib/client/queries/members';
import { ZMember, type TMember } from '@/lib/schemas/members';
import { InviteMemberDialog } from './invite-member-dialog';

export function MembersCard({ orgId, role, userId }: { orgId: string; role: Role; userId: string }) {
  const queryClient = useQueryClient();
  const canManage = role === 'owner' || role === 'admin';
  const members = useQuery(membersQuery(orgId));
  const invitations = useQuery({ ...invitationsQuery(orgId), enabled: canManage });
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.members(orgId) }), queryClient.invalidateQueries({ queryKey: keys.invitations(orgId) })]);
  const changeRole = useMutation({
    mutationFn: ({ member, next }: { member: TMember; next: Role }) => api(`/api/v1/orgs/${orgId}/members/${member.userId}`, ZMember, { method: 'PATCH', body: { role: next, version: member.version } }),
    onSuccess: () => (setError(null), refresh()),
    onError: (e) => (setError(errorMessage(e)), refresh()),
  });
  const remove = useMutation({
    mutationFn: (member: TMember) => apiNoContent(`/api/v1/orgs/${orgId}/members/${member.userId}`, { method: 'DELETE' }),
    onSuccess: (_, member) => (member.userId === userId ? window.location.assign('/') : (setError(null), refresh())),
    onError: (e) => setError(errorMessage(e)),
  });
  const revokeInvite = useMutation({
    mutationFn: (id: string) => apiNoContent(`/api/v1/orgs/${orgId}/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => setError(errorMessage(e)),
  });
  const pending = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');
  return (
    <Card>
      <CardHeader
        title="Members"
        description="Owners and admins change configuration; members read it and inspect tokens."
        actions={
          canManage ? (
            <Button size="sm" onClick={() => setInviting(true)}>
              <PlusIcon /> Add member
            </Button>
          ) : undefined
        }
      />
      {error ? (
        <div className="px-5 pt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {members.isPending ? (
        <div className="px-5">
          <LoadingRows label="Loading members" />
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className={TABLE_HEAD}>
              <tr>
                <th scope="col" className={headCell()}>Name</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Email</th>
                <th scope="col" className={headCell()}>Role</th>
                <th scope="col" className={headCell(WIDE_ONLY)}>Joined</th>
                <th scope="col" className={headCell()}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {(members.data?.items ?? []).map((m) => {
                const editable = canManage && canAssignRole(role, m.role);
                return (
                  <tr key={m.userId}>
                    <td className={bodyCell('font-medium text-slate-900 wrap-anywhere')}>
                      {m.name} {m.userId === userId ? <Badge tone="blue">you</Badge> : null}
                      <span className={PHONE_ONLY}>
                        {m.email} · joined <DateTime value={m.joinedAt} />
                      </span>
                    </td>
                    <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>{m.email}</td>
                    <td className={bodyCell()}>
                      {editable ? (
                        <select
                          aria-label={`Role of ${m.email}`}
                          value={m.role}
                          onChange={(e) => changeRole.mutate({ member: m, next: e.target.value as Role })}
                          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                        >
                          <option value="member">member</option>
                          <option value="admin">admin</option>
                          {role === 'owner' ? <option value="owner">owner</option> : null}
                        </select>
                      ) : (
                        <Badge tone={m.role === 'owner' ? 'violet' : m.role === 'admin' ? 'blue' : 'neutral'}>{m.role}</Badge>
                      )}
                    </td>
                    <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}><DateTime value={m.joinedAt} /></td>
                    <td className={bodyCell('text-right')}>
                      {editable || m.userId === userId ? (
                        <Button size="sm" variant="ghost" onClick={() => remove.mutate(m)} aria-label={m.userId === userId ? 'Leave organization' : `Remove ${m.email}`}>
                          {m.userId === userId ? 'Leave' : 'Remove'}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canManage && pending.length > 0 ? (
        <div className="border-t border-slate-200 px-5 py-4">
          <h3 className="text-sm font-semibold text-slate-900">Pending invitations</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {pending.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-2 text-sm">
                <span>
                  {i.email} <Badge>{i.role}</Badge> <span className="text-slate-500">expires <DateTime value={i.expiresAt} /></span>
                </span>
                <Button size="sm" variant="ghost" onClick={() => revokeInvite.mutate(i.id)} aria-label={`Revoke invitation for ${i.email}`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <InviteMemberDialog orgId={orgId} canGrantOwner={role === 'owner'} open={inviting} onClose={() => setInviting(false)} />
    </Card>
  );
}
