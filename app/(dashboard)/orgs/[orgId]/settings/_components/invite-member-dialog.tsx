'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/code-block';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { api } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { useFormErrors } from '@/lib/client/use-form-errors';
import { ZAddMember, ZAddMemberResult, type TAddMemberResult } from '@/lib/schemas/members';

const LABELS = { email: 'Email', role: 'Role' };

export function InviteMemberDialog({ orgId, canGrantOwner, open, onClose }: { orgId: string; canGrantOwner: boolean; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const errors = useFormErrors(ZAddMember, { email, role }, LABELS);
  const [result, setResult] = useState<TAddMemberResult | null>(null);
  const add = useMutation({
    mutationFn: (body: unknown) => api(`/api/v1/orgs/${orgId}/members`, ZAddMemberResult, { method: 'POST', body }),
    onSuccess: async (r) => {
      setResult(r);
      await Promise.all([queryClient.invalidateQueries({ queryKey: keys.members(orgId) }), queryClient.invalidateQueries({ queryKey: keys.invitations(orgId) })]);
    },
    onError: errors.fromError,
  });
  const finish = () => {
    setResult(null);
    setEmail('');
    errors.clear();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.validate();
    if (input) add.mutate(input);
  };
  if (result) {
    return (
      <Dialog open={open} onClose={finish} title={result.status === 'added' ? 'Member added' : 'Invitation created'}>
        {result.status === 'added' ? (
          <p className="text-sm text-slate-700">
            {result.member.email} already had an account and is now a {result.member.role} of this organization.
          </p>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Send this one-time link to <strong>{result.invitation.email}</strong>. It works once and expires in 7 days. Trustbridge does not send email and will not show the link again.
            </p>
            <CopyField value={result.inviteUrl} label="Invitation link" />
          </div>
        )}
        <div className="mt-5 flex justify-end">
          <Button onClick={finish}>Done</Button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={finish} title="Add a member" description="Someone with an account is added at once; anyone else gets a one-time invitation link.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
        <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required autoFocus />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value)} error={errors.fields.role} hint="Members read configuration; admins change it; owners also manage owners.">
          <option value="member">member</option>
          <option value="admin">admin</option>
          {canGrantOwner ? <option value="owner">owner</option> : null}
        </SelectField>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={finish}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add member
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
