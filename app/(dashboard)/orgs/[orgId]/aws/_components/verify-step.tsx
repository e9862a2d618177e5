'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DateTime } from '@/components/ui/time';
import { adoptAwsRecord, applyAwsRecord, verifyAwsProvider, verifyAwsRole, type AwsKind } from '@/lib/client/queries/aws';
import type { AwsOperation } from '@/lib/domain/aws/required-permissions';
import type { TAwsDifference, TAwsProvider, TAwsRole } from '@/lib/schemas/aws';
import { AwsProgress, useAwsAction } from './aws-action';
import { AwsCredentialsFields, useAwsCredentials, type AwsCredentials } from './aws-credentials';
import { AwsErrorDetails, awsErrorTitle } from './aws-error';
import { RecordHeader } from './record-facts';

// The fourth step: read the provider and the role back from AWS and compare them with the records
// (semantically, on the server). What differs is listed path by path — the record's value and
// AWS's — with the two ways out: apply the record again, or take AWS's version into the record.
// The last verification is part of the record, so it is still here after a reload.

export function VerifyStep({ orgId, provider, role, canManage }: { orgId: string; provider: TAwsProvider | null; role: TAwsRole | null; canManage: boolean }) {
  const credentials = useAwsCredentials();
  const records = [provider ? { kind: 'providers' as const, record: provider, name: `OIDC provider in ${provider.accountId}` } : null, role ? { kind: 'roles' as const, record: role, name: `Role ${role.roleName}` } : null].filter((r) => r !== null);
  if (records.length === 0) return <Alert tone="info">Nothing to verify yet: record the provider and the role first.</Alert>;
  const accountId = provider?.accountId ?? role?.accountId ?? '';
  const operations: AwsOperation[] = [...(provider ? (['provider.verify', 'provider.apply', 'provider.adopt'] as const) : []), ...(role ? (['role.verify', 'role.apply', 'role.adopt'] as const) : [])];
  const mixedAccounts = provider && role && provider.accountId !== role.accountId;
  return (
    <div className="space-y-5">
      {canManage ? (
        <>
          {mixedAccounts ? <Alert tone="warning">The provider and the role are in different accounts ({provider.accountId}, {role.accountId}): paste credentials of the account you act on.</Alert> : null}
          <AwsCredentialsFields credentials={credentials} operations={operations} target={{ accountId, ...(provider ? { providerArn: provider.arn } : {}), ...(role ? { roleArn: role.arn } : {}) }} />
        </>
      ) : (
        <Alert tone="info">You see the last verification of each record; only owners and admins of this organization can ask AWS again.</Alert>
      )}
      {records.map(({ kind, record, name }) => (
        <VerifyPanel key={record.id} orgId={orgId} kind={kind} record={record} name={name} credentials={credentials} canManage={canManage} />
      ))}
    </div>
  );
}

function VerifyPanel({ orgId, kind, record, name, credentials, canManage }: { orgId: string; kind: AwsKind; record: TAwsProvider | TAwsRole; name: string; credentials: AwsCredentials; canManage: boolean }) {
  const verify = useAwsAction(orgId, credentials, async (_: void, awsCredentials): Promise<{ inSync: boolean }> => (kind === 'providers' ? verifyAwsProvider(orgId, record.id, { awsCredentials }) : verifyAwsRole(orgId, record.id, { awsCredentials })));
  const reapply = useAwsAction(orgId, credentials, (_: void, awsCredentials) => applyAwsRecord(orgId, kind, record.id, { awsCredentials }));
  const adopt = useAwsAction(orgId, credentials, (_: void, awsCredentials) => adoptAwsRecord(orgId, kind, record.id, { version: record.version, awsCredentials }));
  const actions = [verify, reapply, adopt];
  const pending = actions.some((a) => a.mutation.isPending);
  const failure = actions.find((a) => a.mutation.isError)?.mutation.error;
  const run = (action: (typeof actions)[number]) => {
    for (const a of actions) a.mutation.reset();
    action.run(undefined);
  };
  const last = record.lastVerification;
  const gone = last?.differences.some((d) => d.aws === null && (d.path === 'provider' || d.path === 'role')) ?? false;
  const label = kind === 'providers' ? 'provider' : 'role';
  return (
    <section aria-label={`Verify ${name}`} className="space-y-3 rounded-md border border-slate-200 p-4">
      <RecordHeader
        title={name}
        record={record}
        actions={
          canManage ? (
            <Button size="sm" onClick={() => run(verify)} loading={verify.mutation.isPending} disabled={pending}>
              Verify the {label}
            </Button>
          ) : null
        }
      />
      <AwsProgress pending={pending} />
      {failure ? <AwsErrorDetails error={failure} /> : null}
      {reapply.mutation.isSuccess ? <Alert tone="success">Applied the record again. Verify to confirm AWS is in sync.</Alert> : null}
      {adopt.mutation.isSuccess ? <Alert tone="success">The record now holds AWS&apos;s version.</Alert> : null}
      {!last ? (
        <p className="text-sm text-slate-600">Never verified: nobody has read this {label} back from AWS yet.</p>
      ) : last.error ? (
        <Alert tone="error" title={`Verification failed: ${awsErrorTitle(last.error.code)}`}>
          {last.error.message}
        </Alert>
      ) : last.inSync ? (
        <Alert tone="success" title="In sync">
          AWS has exactly what the record says (verified <DateTime value={last.at} />).
        </Alert>
      ) : (
        <div className="space-y-3">
          <Alert tone="warning" title={`Drifted: ${last.differences.length} difference${last.differences.length === 1 ? '' : 's'}`}>
            Verified <DateTime value={last.at} />. AWS no longer matches the record.
          </Alert>
          <Differences differences={last.differences} />
          {canManage ? (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => run(reapply)} loading={reapply.mutation.isPending} disabled={pending}>
                Re-apply ours
              </Button>
              {gone ? null : (
                <Button variant="secondary" onClick={() => run(adopt)} loading={adopt.mutation.isPending} disabled={pending}>
                  Take AWS&apos;s version into the record
                </Button>
              )}
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '(absent)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Each difference: where, what it means, the record's value and AWS's. */
export function Differences({ differences }: { differences: readonly TAwsDifference[] }) {
  return (
    <ul aria-label="Differences" className="space-y-2">
      {differences.map((d) => (
        <li key={d.path} aria-label={`Difference at ${d.path}`} className="rounded-md border border-amber-200 bg-white p-3 text-sm">
          <code className="block break-all font-mono text-xs font-semibold text-slate-900">{d.path}</code>
          <p className="mt-1 text-slate-700 wrap-anywhere">{d.message}</p>
          <dl className="mt-2 grid gap-2 md:grid-cols-2">
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Ours (the record)</dt>
              <dd>
                <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800 wrap-anywhere">{show(d.ours)}</pre>
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">AWS</dt>
              <dd>
                <pre className="mt-1 whitespace-pre-wrap rounded bg-amber-50 px-2 py-1.5 font-mono text-xs text-slate-800 wrap-anywhere">{show(d.aws)}</pre>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
