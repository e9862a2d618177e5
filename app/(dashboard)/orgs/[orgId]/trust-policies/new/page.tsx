import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { can } from '@/lib/domain/access/permissions';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { NewPolicyEditor } from '../_components/policy-editor';

export const metadata: Metadata = { title: 'New trust policy' };

export default async function NewTrustPolicyPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<{ from?: string | string[] }> }) {
  const { orgId } = await params;
  const { from } = await searchParams;
  const { access } = await requirePageOrgAccess(orgId, 'trust_policy.read', `/orgs/${orgId}/trust-policies/new`);
  // Members cannot save; they read and test saved policies instead.
  if (!can(access.role, 'trust_policy.manage')) redirect(`/orgs/${orgId}/trust-policies`);
  return <NewPolicyEditor orgId={orgId} fromInspector={from === 'inspector'} />;
}
