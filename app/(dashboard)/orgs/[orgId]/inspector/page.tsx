import type { Metadata } from 'next';
import { can } from '@/lib/domain/access/permissions';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { ClaimInspector } from './_components/claim-inspector';

export const metadata: Metadata = { title: 'Inspector' };

export default async function InspectorPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'token.inspect', `/orgs/${orgId}/inspector`);
  return <ClaimInspector orgId={orgId} canMint={can(access.role, 'id_token.mint')} canBuild={can(access.role, 'trust_policy.manage')} />;
}
