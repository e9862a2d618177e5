'use client';
import { useRef, useState } from 'react';
import { CodeBlock, CopyField } from '@/components/ui/code-block';
import { ChoiceCards } from '@/components/ui/choice-cards';
import { TextField } from '@/components/ui/field';
import { REQUIRED_ACTIONS, requiredPolicyFor, type AwsOperation, type PermissionTarget } from '@/lib/domain/aws/required-permissions';
import { ACCOUNT_ID_PATTERN } from '@/lib/domain/aws/limits';
import { ZAwsCredentials, type TAwsCredentials } from '@/lib/schemas/aws';

// Temporary AWS credentials an admin pastes for a request to AWS. They live in this component's
// memory only: the inputs have no `name` (a form submitted without JavaScript sends nothing), no
// autocomplete, nothing goes to browser storage or a URL, and the fields are emptied the moment a
// request takes them. The request reads them once from a ref (`take`), so they are not kept in
// TanStack Query's mutation state either.

type Source = 'paste' | 'server';
type Field = 'accessKeyId' | 'secretAccessKey' | 'sessionToken';
const EMPTY: Record<Field, string> = { accessKeyId: '', secretAccessKey: '', sessionToken: '' };

export function useAwsCredentials() {
  const [source, setSource] = useState<Source>('paste');
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const parked = useRef<TAwsCredentials | undefined>(undefined);
  return {
    source,
    setSource,
    values,
    errors,
    set: (field: Field, value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    /** Checks the pasted fields; when they are usable, parks them for the next request and empties the fields. */
    prepare(): boolean {
      parked.current = undefined;
      if (source === 'server') return true;
      const parsed = ZAwsCredentials.safeParse({ accessKeyId: values.accessKeyId, secretAccessKey: values.secretAccessKey, ...(values.sessionToken.trim() ? { sessionToken: values.sessionToken } : {}) });
      if (!parsed.success) {
        const found: Partial<Record<Field, string>> = {};
        for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
        setErrors(found);
        return false;
      }
      parked.current = parsed.data;
      setValues(EMPTY);
      setErrors({});
      return true;
    },
    /** The parked credentials, once (undefined: the server's own). */
    take(): TAwsCredentials | undefined {
      const taken = parked.current;
      parked.current = undefined;
      return taken;
    },
  };
}

export type AwsCredentials = ReturnType<typeof useAwsCredentials>;

const SECRET_INPUT = { autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off', spellCheck: false, 'data-1p-ignore': true, 'data-lpignore': 'true' } as const;

/** Where the credentials for the next AWS request come from, and the IAM policy they need. */
export function AwsCredentialsFields({ credentials, operations, target }: { credentials: AwsCredentials; operations: readonly AwsOperation[]; target: PermissionTarget }) {
  const { source, values, errors } = credentials;
  const choices: Array<{ value: Source; title: string; text: string }> = [
    { value: 'paste', title: 'Paste temporary credentials', text: 'Used for this one request, then cleared. Never stored, logged or sent back.' },
    { value: 'server', title: "Use the server's own AWS credentials", text: 'Its environment, shared files or instance/task role — when the server has them.' },
  ];
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 bg-slate-50/60 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">AWS credentials</legend>
      <p className="-mt-2 text-xs text-slate-600">{ACCOUNT_ID_PATTERN.test(target.accountId) ? `Of AWS account ${target.accountId}: Trustbridge checks the account before it changes anything.` : 'Of the AWS account above: Trustbridge checks the account before it changes anything.'}</p>
      <ChoiceCards legend="Where the credentials come from" hideLegend choices={choices} value={source} onChange={credentials.setSource} className="sm:grid-cols-2" />
      {source === 'paste' ? (
        <div className="grid gap-3 md:grid-cols-2">
          <TextField label="Access key ID" value={values.accessKeyId} onChange={(e) => credentials.set('accessKeyId', e.target.value)} error={errors.accessKeyId} placeholder="ASIA…" {...SECRET_INPUT} />
          <TextField label="Secret access key" type="password" value={values.secretAccessKey} onChange={(e) => credentials.set('secretAccessKey', e.target.value)} error={errors.secretAccessKey} {...SECRET_INPUT} />
          <TextField
            label="Session token (for temporary credentials)"
            type="password"
            value={values.sessionToken}
            onChange={(e) => credentials.set('sessionToken', e.target.value)}
            error={errors.sessionToken}
            className="md:col-span-2"
            hint="Temporary credentials expire by themselves; prefer them to long-lived access keys."
            {...SECRET_INPUT}
          />
          <div className="min-w-0 md:col-span-2">
            <p className="mb-1.5 text-xs text-slate-600">To print temporary credentials of your current AWS CLI session:</p>
            <CopyField value="aws configure export-credentials --format env" label="Command that prints temporary credentials" />
          </div>
        </div>
      ) : null}
      <RequiredPolicy operations={operations} target={target} />
    </fieldset>
  );
}

/** The minimal IAM policy for these operations on this provider or role, copyable. */
export function RequiredPolicy({ operations, target, open = false }: { operations: readonly AwsOperation[]; target: PermissionTarget; open?: boolean }) {
  const actions = [...new Set(operations.flatMap((op) => REQUIRED_ACTIONS[op]))];
  return (
    <details open={open} className="rounded-md border border-slate-200 bg-white text-sm">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">Permissions these credentials need ({actions.length} IAM actions)</summary>
      <div className="space-y-2 border-t border-slate-200 px-3 py-3">
        <p className="text-slate-600 wrap-anywhere">{actions.join(', ')} — scoped to this resource. Attach this policy to the user or role the credentials belong to:</p>
        <CodeBlock code={JSON.stringify(requiredPolicyFor(operations, target), null, 2)} label="Minimal IAM policy" />
      </div>
    </details>
  );
}
