import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { listInvitations, listMembers } from '@/lib/server/members/list-members';
import { getOrganization } from '@/lib/server/organizations/get-organization';
import { MembersCard } from './_components/members-card';
import { OrganizationCard } from './_components/organization-card';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'organization.read', `/orgs/${orgId}/settings`);
  const queryClient = makeQueryClient();
  const canManage = can(access.role, 'member.manage');
  const [org, members, invitations] = await Promise.all([getOrganization(access), listMembers(access, { limit: 200 }), canManage ? listInvitations(access) : Promise.resolve(null)]);
  queryClient.setQueryData(keys.org(orgId), org);
  queryClient.setQueryData(keys.members(orgId), members);
  if (invitations) queryClient.setQueryData(keys.invitations(orgId), { items: invitations, nextCursor: null });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <OrganizationCard orgId={orgId} canEdit={can(access.role, 'organization.update')} />
        <MembersCard orgId={orgId} role={access.role} userId={access.userId} />
      </div>
    </HydrationBoundary>
  );
}
