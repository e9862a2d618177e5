'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChoiceCards } from '@/components/ui/choice-cards';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { deleteAwsRecord, deleteAwsRecordInAws, forgetAwsRecord, useAwsMutation, type AwsKind } from '@/lib/client/queries/aws';
import { wizardHref } from '@/lib/client/aws-wizard';
import type { PermissionTarget } from '@/lib/domain/aws/required-permissions';
import { AwsActionForm, useAwsAction } from './aws-action';
import { useAwsCredentials } from './aws-credentials';
import { AwsErrorDetails } from './aws-error';

// Two different things, chosen explicitly: forget the record (AWS keeps the resource), or delete
// the resource in AWS (the record stays, status "not applied", so it can be applied again). Deleting
// in AWS is confirmed by typing the resource's name.

type Choice = 'record' | 'aws';

export function DeleteRecordDialog({ orgId, kind, id, name, target, open, onClose }: { orgId: string; kind: AwsKind; id: string; name: string; target: PermissionTarget; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>('record');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const credentials = useAwsCredentials();
  const what = kind === 'providers' ? 'OIDC provider' : 'role';
  const forget = useAwsMutation(orgId, () => deleteAwsRecord(orgId, kind, id), {
    onSuccess: () => {
      forgetAwsRecord(queryClient, orgId, kind, id);
      router.replace(wizardHref(orgId, { step: kind === 'providers' ? 'provider' : 'role' }));
    },
  });
  const inAws = useAwsAction(orgId, credentials, (_: void, awsCredentials) => deleteAwsRecordInAws(orgId, kind, id, { awsCredentials }), { onSuccess: () => (setTyped(''), onClose()) });
  const close = () => {
    forget.reset();
    inAws.mutation.reset();
    setTyped('');
    onClose();
  };
  const choices: Array<{ value: Choice; title: string; text: string }> = [
    { value: 'record', title: 'Delete the record only', text: `Trustbridge forgets it; the ${what} stays in AWS untouched.` },
    { value: 'aws', title: `Delete the ${what} in AWS`, text: `Removes it from account ${target.accountId}. The record stays, so you can apply it again.` },
  ];
  return (
    <Dialog open={open} onClose={close} title={`Delete ${name}?`} description={kind === 'roles' ? 'Workloads that assume this role lose access once it is deleted in AWS.' : 'Every role in the account that trusts this provider stops working once it is deleted in AWS.'}>
      <div className="space-y-4">
        <ChoiceCards legend="What to delete" hideLegend choices={choices} value={choice} onChange={setChoice} tone="danger" />
        {choice === 'record' ? (
          <>
            {forget.isError ? <AwsErrorDetails error={forget.error} /> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button variant="danger" loading={forget.isPending} onClick={() => forget.mutate()}>
                Delete the record
              </Button>
            </div>
          </>
        ) : (
          <AwsActionForm
            credentials={credentials}
            operations={[kind === 'providers' ? 'provider.delete-in-aws' : 'role.delete-in-aws']}
            target={target}
            submitLabel={`Delete the ${what} in AWS`}
            danger
            onCancel={close}
            pending={inAws.mutation.isPending}
            error={inAws.mutation.error}
            onSubmit={() => {
              if (typed.trim() !== name) return setTypedError(`Type ${name} exactly to confirm.`);
              setTypedError(undefined);
              inAws.run(undefined);
            }}
          >
            <TextField label={`Type ${name} to confirm`} value={typed} onChange={(e) => (setTyped(e.target.value), setTypedError(undefined))} error={typedError} autoComplete="off" spellCheck={false} />
            {inAws.mutation.isSuccess ? <Alert tone="success">Deleted in AWS.</Alert> : null}
          </AwsActionForm>
        )}
      </div>
    </Dialog>
  );
}
