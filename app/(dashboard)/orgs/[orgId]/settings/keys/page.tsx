import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getIssuerSettings } from '@/lib/server/oidc/get-issuer-settings';
import { listSigningKeys } from '@/lib/server/oidc/list-signing-keys';
import { SigningKeysView } from './_components/signing-keys-view';

export const metadata: Metadata = { title: 'Signing keys' };

export default async function SigningKeysPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'issuer.read', `/orgs/${orgId}/settings/keys`);
  const queryClient = makeQueryClient();
  const [settings, signingKeys] = await Promise.all([getIssuerSettings(access), listSigningKeys(access)]);
  queryClient.setQueryData(keys.issuer(orgId), settings);
  queryClient.setQueryData(keys.signingKeys(orgId), { items: signingKeys, nextCursor: null });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SigningKeysView orgId={orgId} canManage={can(access.role, 'issuer.manage')} />
    </HydrationBoundary>
  );
}
