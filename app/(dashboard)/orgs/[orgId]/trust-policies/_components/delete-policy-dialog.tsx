'use client';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/client/api';
import { useDeletePolicy } from './use-save-policy';

export function DeletePolicyDialog({ orgId, policyId, name, open, onClose }: { orgId: string; policyId: string; name: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const remove = useDeletePolicy(orgId, policyId, () => router.push(`/orgs/${orgId}/trust-policies`));
  return (
    <Dialog open={open} onClose={onClose} title={`Delete “${name}”?`} description="The saved policy is removed from Trustbridge. Roles in AWS that already use this JSON keep it until you change them there.">
      <div className="space-y-4">
        {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete policy
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
