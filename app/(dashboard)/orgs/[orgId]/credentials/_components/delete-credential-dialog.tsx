'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConflictNotice } from '@/components/credentials/conflict-notice';
import { credentialConflict, type CredentialConflict } from '@/components/credentials/credential-conflict';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/client/api';
import { deleteCredential } from '@/lib/client/queries/credentials';
import { keys } from '@/lib/client/queries/keys';
import type { TDeploymentCredential } from '@/lib/schemas/credentials';

/** Deletes with the version seen: if someone changed it meanwhile, says what changed before deleting their version. */
export function DeleteCredentialDialog({ orgId, credential, onClose }: { orgId: string; credential: TDeploymentCredential; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [seen, setSeen] = useState(credential);
  const [conflict, setConflict] = useState<CredentialConflict | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.credentialsAll(orgId) });
  const remove = useMutation({
    mutationFn: (version: number) => deleteCredential(orgId, credential.id, version),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: async (error) => {
      const found = await credentialConflict(orgId, seen, error);
      if (found) {
        setConflict(found);
        void refresh();
      }
    },
  });
  const fallback = credential.scope === 'project' ? 'the organization’s credential (or none)' : 'their project’s credential; the others have none';
  return (
    <Dialog open onClose={onClose} title={`Delete credential “${credential.name}”?`} description={`Environments that use it fall back to ${fallback}. Their overrides stay. This cannot be undone.`}>
      <div className="space-y-4">
        {conflict ? (
          <ConflictNotice
            what="credential"
            changes={conflict.changes}
            gone={conflict.now === null}
            onUseTheirs={onClose}
            onKeepMine={
              conflict.now
                ? () => {
                    if (conflict.now) setSeen(conflict.now);
                    setConflict(null);
                  }
                : undefined
            }
            keepLabel="Delete their version"
          />
        ) : remove.isError ? (
          <Alert tone="error">{errorMessage(remove.error)}</Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" loading={remove.isPending} disabled={conflict !== null} onClick={() => remove.mutate(seen.version)}>
            Delete credential
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
