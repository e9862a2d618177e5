'use client';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useAwsMutation, type AwsMutationCallbacks } from '@/lib/client/queries/aws';
import type { AwsOperation, PermissionTarget } from '@/lib/domain/aws/required-permissions';
import type { TAwsCredentials } from '@/lib/schemas/aws';
import { AwsCredentialsFields, type AwsCredentials } from './aws-credentials';
import { AwsErrorDetails } from './aws-error';

/**
 * A request to AWS through Trustbridge: the credentials are checked and taken from the fields at
 * the click (the fields empty at once), then handed to `call` — never part of the mutation's
 * variables. Every outcome refreshes the AWS records (use-aws-mutation).
 */
export function useAwsAction<V, R>(orgId: string, credentials: AwsCredentials, call: (variables: V, awsCredentials: TAwsCredentials | undefined) => Promise<R>, callbacks: AwsMutationCallbacks<R> = {}) {
  const mutation = useAwsMutation(orgId, (variables: V) => call(variables, credentials.take()), callbacks);
  return {
    mutation,
    run(variables: V) {
      mutation.reset();
      if (credentials.prepare()) mutation.mutate(variables);
    },
  };
}

/** While AWS answers: said in words to screen readers too. */
export function AwsProgress({ pending, text = 'Waiting for AWS…' }: { pending: boolean; text?: string }) {
  return <div aria-live="polite">{pending ? <Spinner label={text} className="text-slate-700" /> : null}</div>;
}

/** Credentials, the options of this action, the button, the progress and the refusal explained. */
export function AwsActionForm({
  credentials,
  operations,
  target,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
  errorLabels,
  danger = false,
  onCancel,
}: {
  credentials: AwsCredentials;
  operations: readonly AwsOperation[];
  target: PermissionTarget;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  children?: ReactNode;
  errorLabels?: Readonly<Record<string, string>>;
  /** A destructive action (deleting in AWS). */
  danger?: boolean;
  onCancel?: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" autoComplete="off">
      <AwsCredentialsFields credentials={credentials} operations={operations} target={target} />
      {children}
      <div className="flex flex-wrap items-center gap-3">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant={danger ? 'danger' : 'primary'} loading={pending}>
          {submitLabel}
        </Button>
        <AwsProgress pending={pending} />
      </div>
      {error ? <AwsErrorDetails error={error} {...(errorLabels ? { labels: errorLabels } : {})} /> : null}
    </form>
  );
}
