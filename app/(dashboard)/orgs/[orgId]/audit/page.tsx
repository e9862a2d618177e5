import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { ListIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { AuditView } from './_components/audit-view';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'organization.read', `/orgs/${orgId}/audit`);
  if (!can(access.role, 'audit.read')) {
    return (
      <>
        <PageHeader title="Audit log" />
        <EmptyState icon={<ListIcon />} title="Only owners and admins can read the audit log">
          Ask an owner or admin of this organization if you need to know who changed what.
        </EmptyState>
      </>
    );
  }
  const queryClient = makeQueryClient();
  queryClient.setQueryData(keys.audit(orgId, {}), { pages: [await listAuditEvents(access, { limit: 50 })], pageParams: [''] });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView orgId={orgId} />
    </HydrationBoundary>
  );
}
