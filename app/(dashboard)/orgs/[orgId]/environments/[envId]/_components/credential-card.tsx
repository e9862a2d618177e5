'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { ConnectionTest } from '@/components/credentials/connection-test';
import { envLabelOf, inheritedFor, overrideOf, roleOptions, testChoices } from '@/components/credentials/environment-credential-context';
import { OverrideEditor } from '@/components/credentials/override-editor';
import { sessionLength } from '@/components/credentials/recorded-roles';
import { SOURCE_LABELS, SourceBadge } from '@/components/credentials/source-badge';
import { WorkloadSnippets } from '@/components/credentials/workload-snippets';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyField } from '@/components/ui/code-block';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { awsRolesQuery } from '@/lib/client/queries/aws';
import { credentialsQuery, environmentCredentialQuery } from '@/lib/client/queries/credentials';
import type { TEffectiveCredentialRow } from '@/lib/schemas/credentials';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900 wrap-anywhere">{children}</dd>
    </div>
  );
}

const inheritedNote = (source: string, field: string) => (field === source ? '' : field === 'default' ? ' (the default)' : ` (from the ${field} credential)`);

function Effective({ effective }: { effective: NonNullable<TEffectiveCredentialRow['effective']> }) {
  const f = effective.fieldSources;
  return (
    <dl aria-label="Effective credential" className="grid gap-4 text-sm sm:grid-cols-2">
      <Item term="Source">
        <span className="flex flex-wrap items-center gap-2">
          <SourceBadge source={effective.source} />
          {effective.source === 'environment' ? 'this environment’s override' : `${SOURCE_LABELS[effective.source].toLowerCase()} “${effective.sourceName}”`}
        </span>
      </Item>
      <Item term="Role session name">
        <span className="font-mono text-xs">{effective.roleSessionName}</span>
      </Item>
      <div className="min-w-0 sm:col-span-2">
        <dt className="mb-1 text-slate-500">Role ARN</dt>
        <dd>
          <CopyField value={effective.roleArn} label="Effective role ARN" />
        </dd>
      </div>
      <Item term="Session duration">
        {sessionLength(effective.durationSeconds)}
        {inheritedNote(effective.source, f.durationSeconds)}
      </Item>
      <Item term="Audience · Region">
        {effective.audience} · {effective.region ?? 'no Region'}
        {effective.source === 'environment' ? inheritedNote(effective.source, f.audience) : ''}
      </Item>
    </dl>
  );
}

/** The environment page's credential: what is effective and from where, its override (edited here), Test connection, and the workload's snippets. */
export function CredentialCard({ orgId, envId, canManage, canTest, publicUrl }: { orgId: string; envId: string; canManage: boolean; canTest: boolean; publicUrl: string }) {
  const row = useQuery(environmentCredentialQuery(orgId, envId));
  const credentials = useQuery(credentialsQuery(orgId));
  const roles = useQuery({ ...awsRolesQuery(orgId), enabled: canManage });
  const [editing, setEditing] = useState(false);
  const data = row.data;
  const effective = data?.effective ?? null;
  const override = data ? overrideOf(data) : null;
  const label = data ? envLabelOf(data) : '';

  return (
    <>
      <Card>
        <CardHeader title="AWS credential" description="What this environment’s workloads assume: its override, else its project’s credential, else the organization’s." />
        <CardBody className="space-y-6">
          {row.isError ? (
            <Alert tone="error">{errorMessage(row.error)}</Alert>
          ) : row.isPending || !data ? (
            <LoadingRows rows={2} label="Loading the credential" />
          ) : (
            <>
              {effective ? (
                <>
                  <Effective effective={effective} />
                  {effective.warnings.map((w) => (
                    <Alert key={w.field + w.message} tone="warning">
                      {w.message}
                    </Alert>
                  ))}
                </>
              ) : (
                <Alert tone="warning" title="No credential applies to this environment">
                  <p>
                    Its workloads cannot get AWS credentials yet.{' '}
                    {canManage ? 'Create the organization’s default credential (or this project’s), or give this environment an override below.' : 'An owner or admin can create a credential or an override.'}
                  </p>
                  {canManage ? (
                    <div className="mt-3 flex flex-wrap gap-2">
                      <ButtonLink size="sm" href={`/orgs/${orgId}/credentials?new=1`}>
                        Create a credential
                      </ButtonLink>
                      <ButtonLink size="sm" variant="secondary" href={`/orgs/${orgId}/aws`}>
                        Create a role in AWS setup
                      </ButtonLink>
                    </div>
                  ) : null}
                </Alert>
              )}
              <section aria-labelledby={`${envId}-override`} className="border-t border-slate-200 pt-5">
                <h3 id={`${envId}-override`} className="text-sm font-semibold text-slate-900">
                  Override
                </h3>
                {editing ? (
                  <div className="mt-3">
                    <OverrideEditor
                      orgId={orgId}
                      envId={envId}
                      envLabel={label}
                      current={override}
                      inherited={inheritedFor(credentials.data ?? [], data)}
                      roles={roleOptions(roles.data?.items ?? [])}
                      onClose={() => setEditing(false)}
                    />
                  </div>
                ) : (
                  <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
                    <p className="min-w-0 text-sm text-slate-700 wrap-anywhere">
                      {override ? (
                        <>
                          This environment assumes <span className="font-mono text-xs">{override.roleArn}</span>
                          {override.durationSeconds === null ? ' for the inherited duration' : ` for ${sessionLength(override.durationSeconds)}`}, whatever its project and organization say.
                        </>
                      ) : (
                        'None: it uses its project’s or the organization’s credential.'
                      )}
                    </p>
                    {canManage ? (
                      <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
                        {override ? 'Edit override' : 'Set an override'}
                      </Button>
                    ) : null}
                  </div>
                )}
              </section>
              {canTest && effective ? (
                <section aria-label={`Test connection for ${label}`} className="border-t border-slate-200 pt-5">
                  <h3 className="text-sm font-semibold text-slate-900">Test connection</h3>
                  <p className="mb-3 mt-0.5 text-sm text-slate-600">Mints a token for this environment (audited), checks it against the recorded role, asks AWS STS for credentials and says what happened at each step.</p>
                  <ConnectionTest orgId={orgId} envId={envId} envLabel={label} choices={testChoices(credentials.data ?? [], data)} />
                </section>
              ) : null}
            </>
          )}
        </CardBody>
      </Card>
      {effective ? (
        <Card>
          <CardHeader
            title="Use it in a workload"
            description={
              <>
                With an environment token of this environment (above). All credentials:{' '}
                <Link href={`/orgs/${orgId}/credentials`} className="font-medium text-brand-700 hover:underline">
                  Credentials
                </Link>
                .
              </>
            }
          />
          <CardBody>
            <WorkloadSnippets
              publicUrl={publicUrl}
              roles={[
                { label: 'Effective credential, resolved by Trustbridge (no --role-arn)', roleArn: null, region: effective.region },
                { label: `Pin this role: ${effective.roleArn}`, roleArn: effective.roleArn, region: effective.region },
              ]}
            />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
