import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { locate, NEW } from '@/lib/client/aws-wizard';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { can } from '@/lib/domain/access/permissions';
import { listAwsProviders } from '@/lib/server/aws-providers/list-aws-providers';
import { getAwsRole, listAwsRoles } from '@/lib/server/aws-roles/list-aws-roles';
import { getTrustChain } from '@/lib/server/aws-trust-chain/get-trust-chain';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getIssuerSettings } from '@/lib/server/oidc/get-issuer-settings';
import { AwsSetup } from './_components/aws-setup';

export const metadata: Metadata = { title: 'AWS setup' };

type Search = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The wizard's step and records come from the URL (ids only) and the records on the server: a reload lands on the same place. */
export default async function AwsSetupPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Search> }) {
  const { orgId } = await params;
  const search = await searchParams;
  const { access } = await requirePageOrgAccess(orgId, 'aws.read', `/orgs/${orgId}/aws`);
  const wizard = { step: first(search.step), providerId: first(search.providerId), roleId: first(search.roleId), way: first(search.way) };
  const queryClient = makeQueryClient();
  const [providers, roles, chain, issuer] = await Promise.all([listAwsProviders(access), listAwsRoles(access), getTrustChain(access), getIssuerSettings(access)]);
  queryClient.setQueryData(keys.awsList(orgId, 'providers'), { items: providers, nextCursor: null });
  queryClient.setQueryData(keys.awsList(orgId, 'roles'), { items: roles, nextCursor: null });
  queryClient.setQueryData(keys.awsTrustChain(orgId), chain);
  queryClient.setQueryData(keys.issuer(orgId), issuer);
  // The role shown, with its lint findings and reach (the list has neither).
  const { role } = locate(wizard, providers, roles);
  if (role && role !== NEW) queryClient.setQueryData(keys.awsRecord(orgId, 'roles', role.id), await getAwsRole(access, role.id));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AwsSetup orgId={orgId} canManage={can(access.role, 'aws.manage')} params={wizard} />
    </HydrationBoundary>
  );
}
