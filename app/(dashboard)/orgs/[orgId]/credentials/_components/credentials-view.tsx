'use client';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { roleOptions } from '@/components/credentials/environment-credential-context';
import { sessionLength } from '@/components/credentials/recorded-roles';
import { WorkloadSnippets, type SnippetRole } from '@/components/credentials/workload-snippets';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { KeyIcon, PlusIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import type { CredentialPrefill } from '@/lib/client/credential-prefill';
import { errorMessage } from '@/lib/client/api';
import { awsRolesQuery } from '@/lib/client/queries/aws';
import { credentialsQuery } from '@/lib/client/queries/credentials';
import { issuerQuery } from '@/lib/client/queries/issuer';
import { projectsQuery } from '@/lib/client/queries/projects';
import { DEFAULT_CREDENTIAL_AUDIENCE } from '@/lib/domain/aws/effective-credential';
import type { TDeploymentCredential } from '@/lib/schemas/credentials';
import { CredentialDialog, type CredentialDialogMode } from './credential-dialog';
import { DeleteCredentialDialog } from './delete-credential-dialog';
import { EffectiveTable } from './effective-table';

function RoleNote({ c }: { c: TDeploymentCredential }) {
  if (!c.role) return null;
  const tooLong = c.durationSeconds > c.role.maxSessionDuration;
  return (
    <span className={`mt-0.5 block text-xs ${tooLong ? 'text-amber-800' : 'text-slate-500'}`}>
      {tooLong ? `⚠ Above the MaxSessionDuration of ${c.role.name} (${sessionLength(c.role.maxSessionDuration)})` : `Recorded role ${c.role.name}: at most ${sessionLength(c.role.maxSessionDuration)}`}
    </span>
  );
}

export function CredentialsView({ orgId, canManage, canTest, publicUrl, prefill }: { orgId: string; canManage: boolean; canTest: boolean; publicUrl: string; prefill: CredentialPrefill | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const credentials = useQuery(credentialsQuery(orgId));
  const projects = useQuery(projectsQuery(orgId));
  const issuer = useQuery({ ...issuerQuery(orgId), enabled: canManage });
  const roles = useQuery(awsRolesQuery(orgId));
  const [dialog, setDialog] = useState<CredentialDialogMode | null>(canManage && prefill ? { kind: 'create', roleArn: prefill.roleArn, durationSeconds: prefill.durationSeconds, ignored: prefill.ignored } : null);
  const [deleting, setDeleting] = useState<TDeploymentCredential | null>(null);

  const list = credentials.data ?? [];
  const projectList = projects.data?.items ?? [];
  const roleList = roleOptions(roles.data?.items ?? []);
  const scopesFree = !list.some((c) => c.projectId === null) || projectList.some((p) => !list.some((c) => c.projectId === p.id));
  const closeDialog = () => {
    setDialog(null);
    // The wizard's link opened the form once; a reload should not open it again.
    if (prefill) router.replace(pathname);
  };
  const snippetRoles: SnippetRole[] = [
    { label: 'The environment’s effective credential (no --role-arn)', roleArn: null, region: null },
    ...list.map((c) => ({ label: `${c.scope === 'organization' ? 'Organization' : `Project ${c.projectName ?? ''}`}: ${c.roleArn}`, roleArn: c.roleArn, region: c.region })),
  ];

  return (
    <>
      <PageHeader
        title="Deployment credentials"
        description="Which AWS role each environment’s workloads assume, and for how long: the organization’s default, a project’s, or one environment’s override."
        actions={
          canManage && list.length > 0 ? (
            <Button onClick={() => setDialog({ kind: 'create' })} disabled={!scopesFree} title={scopesFree ? undefined : 'The organization and every project have a credential: edit one instead.'}>
              <PlusIcon /> New credential
            </Button>
          ) : undefined
        }
      />
      {prefill && !canManage ? (
        <Alert tone="info" className="mb-6">
          Only owners and admins of this organization can create deployment credentials.
        </Alert>
      ) : null}
      <div className="space-y-6">
        {credentials.isError ? (
          <Alert tone="error">{errorMessage(credentials.error)}</Alert>
        ) : credentials.isPending ? (
          <LoadingRows label="Loading credentials" />
        ) : list.length === 0 ? (
          <EmptyState
            icon={<KeyIcon />}
            title="No deployment credential yet"
            action={
              canManage ? (
                <div className="flex flex-wrap justify-center gap-2">
                  <Button onClick={() => setDialog({ kind: 'create', projectId: null })}>
                    <PlusIcon /> Create the organization default
                  </Button>
                  <ButtonLink href={`/orgs/${orgId}/aws`} variant="secondary">
                    Create a role in AWS setup
                  </ButtonLink>
                </div>
              ) : undefined
            }
          >
            {canManage
              ? 'Start with the organization default: the role every environment assumes unless its project or the environment itself names another. No role in AWS yet? AWS setup creates one that trusts this organization.'
              : 'An owner or admin of this organization can create the organization’s default credential.'}
          </EmptyState>
        ) : (
          <Card>
            <CardHeader title="Credentials" description="One for the organization, and at most one per project." />
            <div className="relative overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Credentials">
                <thead className={TABLE_HEAD}>
                  <tr>
                    <th scope="col" className={headCell()}>Credential</th>
                    <th scope="col" className={headCell(WIDE_ONLY)}>Role ARN</th>
                    <th scope="col" className={headCell(WIDE_ONLY)}>Session</th>
                    <th scope="col" className={headCell(WIDE_ONLY)}>Audience · Region</th>
                    {canManage ? <th scope="col" className={headCell()}><span className="sr-only">Actions</span></th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.map((c) => (
                    <tr key={c.id} className="align-top">
                      <td className={bodyCell('wrap-anywhere md:min-w-44')}>
                        <span className="font-medium text-slate-900">{c.name}</span>
                        <span className="mt-1 block">
                          <Badge tone={c.scope === 'organization' ? 'green' : 'blue'}>{c.scope === 'organization' ? 'organization' : `project ${c.projectSlug ?? ''}`}</Badge>
                        </span>
                        <span className={PHONE_ONLY}>
                          <span className="block font-mono wrap-anywhere">{c.roleArn}</span>
                          {sessionLength(c.durationSeconds)} · {c.audience} · {c.region ?? 'no Region'}
                          <RoleNote c={c} />
                        </span>
                      </td>
                      <td className={bodyCell(`${WIDE_ONLY} max-w-sm font-mono text-xs text-slate-800 wrap-anywhere`)}>{c.roleArn}</td>
                      <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>
                        <span className="whitespace-nowrap">{sessionLength(c.durationSeconds)}</span>
                        <RoleNote c={c} />
                      </td>
                      <td className={bodyCell(`${WIDE_ONLY} text-xs text-slate-700 wrap-anywhere`)}>
                        {c.audience} · {c.region ?? 'no Region'}
                      </td>
                      {canManage ? (
                        <td className={bodyCell('text-right')}>
                          <div className="flex flex-col items-end gap-2 md:flex-row md:justify-end">
                            <Button size="sm" variant="secondary" aria-label={`Edit credential ${c.name}`} onClick={() => setDialog({ kind: 'edit', credential: c })}>
                              Edit
                            </Button>
                            <Button size="sm" variant="ghost" aria-label={`Delete credential ${c.name}`} onClick={() => setDeleting(c)}>
                              Delete
                            </Button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}
        <EffectiveTable orgId={orgId} canManage={canManage} canTest={canTest} projects={projectList} credentials={list} roles={roleList} />
        <Card>
          <CardHeader title="Use it in a workload" description="The Trustbridge CLI turns the environment token into AWS credentials: no static AWS key anywhere." />
          <CardBody>
            <WorkloadSnippets publicUrl={publicUrl} roles={snippetRoles} />
          </CardBody>
        </Card>
      </div>
      {dialog ? (
        <CredentialDialog
          orgId={orgId}
          mode={dialog}
          projects={projectList}
          credentials={list}
          audiences={issuer.data?.audiences ?? [DEFAULT_CREDENTIAL_AUDIENCE]}
          roles={roleList}
          onClose={closeDialog}
        />
      ) : null}
      {deleting ? <DeleteCredentialDialog orgId={orgId} credential={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
