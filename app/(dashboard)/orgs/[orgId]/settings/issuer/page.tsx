import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getIssuerSettings } from '@/lib/server/oidc/get-issuer-settings';
import { IssuerForm } from './_components/issuer-form';

export const metadata: Metadata = { title: 'Issuer settings' };

export default async function IssuerSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'issuer.read', `/orgs/${orgId}/settings/issuer`);
  const queryClient = makeQueryClient();
  queryClient.setQueryData(keys.issuer(orgId), await getIssuerSettings(access));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IssuerForm orgId={orgId} canEdit={can(access.role, 'issuer.manage')} />
    </HydrationBoundary>
  );
}
