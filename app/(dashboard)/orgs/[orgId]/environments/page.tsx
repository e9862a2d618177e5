import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { listEnvironments } from '@/lib/server/environments/list-environments';
import { listProjects } from '@/lib/server/projects/list-projects';
import { EnvironmentsView } from './_components/environments-view';

export const metadata: Metadata = { title: 'Environments' };

export default async function EnvironmentsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'environment.read', `/orgs/${orgId}/environments`);
  const queryClient = makeQueryClient();
  const [projects, firstPage] = await Promise.all([listProjects(access, { limit: 200 }), listEnvironments(access, { limit: 100 })]);
  queryClient.setQueryData(keys.projects(orgId), projects);
  queryClient.setQueryData(keys.environments(orgId, {}), { pages: [firstPage], pageParams: [''] });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EnvironmentsView orgId={orgId} canManage={can(access.role, 'environment.manage')} />
    </HydrationBoundary>
  );
}
