import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { can } from '@/lib/domain/access/permissions';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { AppError } from '@/lib/server/errors';
import { isId } from '@/lib/server/security/ids';
import { getTrustPolicy } from '@/lib/server/trust-policies/list-trust-policies';
import { SavedPolicyEditor } from '../_components/policy-editor';

export const metadata: Metadata = { title: 'Trust policy' };

export default async function TrustPolicyPage({ params, searchParams }: { params: Promise<{ orgId: string; policyId: string }>; searchParams: Promise<{ from?: string | string[] }> }) {
  const { orgId, policyId } = await params;
  const { from } = await searchParams;
  const { access } = await requirePageOrgAccess(orgId, 'trust_policy.read', `/orgs/${orgId}/trust-policies/${policyId}`);
  if (!isId(policyId)) notFound();
  const queryClient = makeQueryClient();
  try {
    queryClient.setQueryData(keys.trustPolicy(orgId, policyId), await getTrustPolicy(access, policyId));
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SavedPolicyEditor orgId={orgId} policyId={policyId} canManage={can(access.role, 'trust_policy.manage')} fromInspector={from === 'inspector'} />
    </HydrationBoundary>
  );
}
