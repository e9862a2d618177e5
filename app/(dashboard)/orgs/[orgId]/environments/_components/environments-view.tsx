'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge, stageTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LayersIcon, PlusIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { bodyCell, headCell, PHONE_ONLY, TABLE_HEAD, WIDE_ONLY } from '@/components/ui/table';
import { errorMessage } from '@/lib/client/api';
import { environmentsQuery, projectsQuery } from '@/lib/client/queries/projects';
import type { TEnvironment } from '@/lib/schemas/projects';
import { NewEnvironmentDialog } from './new-environment-dialog';
import { NewProjectDialog } from './new-project-dialog';

export function EnvironmentsView({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const projects = useQuery(projectsQuery(orgId));
  const environments = useInfiniteQuery(environmentsQuery(orgId));
  const [dialog, setDialog] = useState<{ kind: 'project' } | { kind: 'environment'; projectId?: string } | null>(null);
  const close = () => setDialog(null);

  const envs = environments.data?.pages.flatMap((p) => p.items) ?? [];
  const byProject = new Map<string, TEnvironment[]>();
  for (const env of envs) byProject.set(env.projectId, [...(byProject.get(env.projectId) ?? []), env]);
  const projectList = projects.data?.items ?? [];

  const actions = canManage ? (
    <>
      <Button variant="secondary" onClick={() => setDialog({ kind: 'project' })}>
        <PlusIcon /> New project
      </Button>
      <Button onClick={() => setDialog({ kind: 'environment' })} disabled={projectList.length === 0}>
        <PlusIcon /> New environment
      </Button>
    </>
  ) : undefined;

  return (
    <>
      <PageHeader title="Environments" description="Workloads that exchange their signed ID token for AWS credentials. Each one gets its own subject (sub) that trust policies can name." actions={actions} />
      {projects.isError || environments.isError ? <Alert tone="error">{errorMessage(projects.error ?? environments.error)}</Alert> : null}
      {projects.isPending ? (
        <LoadingRows label="Loading projects" />
      ) : projectList.length === 0 ? (
        <EmptyState
          icon={<LayersIcon />}
          title="No projects yet"
          action={
            canManage ? (
              <Button onClick={() => setDialog({ kind: 'project' })}>
                <PlusIcon /> Create your first project
              </Button>
            ) : undefined
          }
        >
          {canManage ? 'Start with a project (for example one per application), then add its environments.' : 'An admin of this organization has not created any projects yet.'}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {projectList.map((project) => {
            const list = byProject.get(project.id) ?? [];
            return (
              <Card key={project.id}>
                <CardHeader
                  title={
                    <span className="flex items-center gap-2">
                      {project.name} <Badge>{project.slug}</Badge>
                    </span>
                  }
                  description={`${project.environmentCount} environment${project.environmentCount === 1 ? '' : 's'}`}
                  actions={
                    canManage ? (
                      <Button size="sm" variant="secondary" onClick={() => setDialog({ kind: 'environment', projectId: project.id })} aria-label={`Add environment to ${project.name}`}>
                        <PlusIcon /> Add environment
                      </Button>
                    ) : undefined
                  }
                />
                {list.length === 0 ? (
                  <p className="px-5 py-6 text-sm text-slate-600">{environments.isPending ? 'Loading…' : 'No environments in this project yet.'}</p>
                ) : (
                  <div className="relative overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <thead className={TABLE_HEAD}>
                        <tr>
                          <th scope="col" className={headCell()}>Environment</th>
                          <th scope="col" className={headCell(WIDE_ONLY)}>Slug</th>
                          <th scope="col" className={headCell()}>Stage</th>
                          <th scope="col" className={headCell(WIDE_ONLY)}>Active tokens</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {list.map((env) => (
                          <tr key={env.id} className="hover:bg-slate-50">
                            <td className={bodyCell('wrap-anywhere')}>
                              <Link href={`/orgs/${orgId}/environments/${env.id}`} className="font-medium text-brand-700 hover:underline">
                                {env.name}
                              </Link>
                              <span className={PHONE_ONLY}>
                                <span className="font-mono">{env.slug}</span> · {env.activeTokenCount} active token{env.activeTokenCount === 1 ? '' : 's'}
                              </span>
                            </td>
                            <td className={bodyCell(`${WIDE_ONLY} font-mono text-xs text-slate-700`)}>{env.slug}</td>
                            <td className={bodyCell()}>
                              <Badge tone={stageTone(env.stage)}>{env.stage}</Badge>
                            </td>
                            <td className={bodyCell(`${WIDE_ONLY} text-slate-700`)}>{env.activeTokenCount}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Card>
            );
          })}
          {environments.hasNextPage ? (
            <Button variant="secondary" loading={environments.isFetchingNextPage} onClick={() => void environments.fetchNextPage()}>
              Load more environments
            </Button>
          ) : null}
        </div>
      )}
      <NewProjectDialog orgId={orgId} open={dialog?.kind === 'project'} onClose={close} />
      {dialog?.kind === 'environment' ? <NewEnvironmentDialog orgId={orgId} projects={projectList} projectId={dialog.projectId} open onClose={close} /> : null}
    </>
  );
}
