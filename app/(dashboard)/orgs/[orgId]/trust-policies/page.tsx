import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { can } from '@/lib/domain/access/permissions';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { listTrustPolicies } from '@/lib/server/trust-policies/list-trust-policies';
import { TrustPoliciesList } from './_components/trust-policies-list';

export const metadata: Metadata = { title: 'Trust policies' };

export default async function TrustPoliciesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'trust_policy.read', `/orgs/${orgId}/trust-policies`);
  const queryClient = makeQueryClient();
  queryClient.setQueryData(keys.trustPolicies(orgId), { items: await listTrustPolicies(access), nextCursor: null });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TrustPoliciesList orgId={orgId} canManage={can(access.role, 'trust_policy.manage')} />
    </HydrationBoundary>
  );
}
