import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { credentialPrefill } from '@/lib/client/credential-prefill';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { can } from '@/lib/domain/access/permissions';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { listAwsRoles } from '@/lib/server/aws-roles/list-aws-roles';
import { listCredentials } from '@/lib/server/credentials/list-credentials';
import { listEffectiveCredentials } from '@/lib/server/effective-credentials/list-effective-credentials';
import { getConfig } from '@/lib/server/env';
import { getIssuerSettings } from '@/lib/server/oidc/get-issuer-settings';
import { listProjects } from '@/lib/server/projects/list-projects';
import { EFFECTIVE_PAGE_SIZE } from '@/lib/client/queries/credentials';
import { CredentialsView } from './_components/credentials-view';

export const metadata: Metadata = { title: 'Credentials' };

export default async function CredentialsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'credential.read', `/orgs/${orgId}/credentials`);
  const canManage = can(access.role, 'credential.manage');
  const queryClient = makeQueryClient();
  const [credentials, projects, effective, roles, issuer] = await Promise.all([
    listCredentials(access, { limit: 200 }),
    listProjects(access, { limit: 200 }),
    listEffectiveCredentials(access, { limit: EFFECTIVE_PAGE_SIZE }),
    listAwsRoles(access),
    canManage ? getIssuerSettings(access) : null,
  ]);
  // The client's credentials query holds every page; only a complete first page can stand in for it.
  if (credentials.nextCursor === null) queryClient.setQueryData(keys.credentials(orgId), credentials.items);
  queryClient.setQueryData(keys.projects(orgId), projects);
  queryClient.setQueryData(keys.effectiveCredentials(orgId, {}, ''), effective);
  queryClient.setQueryData(keys.awsList(orgId, 'roles'), { items: roles, nextCursor: null });
  if (issuer) queryClient.setQueryData(keys.issuer(orgId), issuer);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CredentialsView orgId={orgId} canManage={canManage} canTest={can(access.role, 'credential.test')} publicUrl={getConfig().publicUrl} prefill={credentialPrefill(await searchParams)} />
    </HydrationBoundary>
  );
}
