import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@/lib/domain/access/permissions';
import { keys } from '@/lib/client/queries/keys';
import { makeQueryClient } from '@/lib/client/query-client';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getConfig } from '@/lib/server/env';
import { listCredentials } from '@/lib/server/credentials/list-credentials';
import { listEffectiveCredentials } from '@/lib/server/effective-credentials/list-effective-credentials';
import { listEnvironmentTokens } from '@/lib/server/environment-tokens/list-environment-tokens';
import { getEnvironment } from '@/lib/server/environments/list-environments';
import { AppError } from '@/lib/server/errors';
import { isId } from '@/lib/server/security/ids';
import { EnvironmentDetails } from './_components/environment-details';

export const metadata: Metadata = { title: 'Environment' };

export default async function EnvironmentPage({ params }: { params: Promise<{ orgId: string; envId: string }> }) {
  const { orgId, envId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'environment.read', `/orgs/${orgId}/environments/${envId}`);
  if (!isId(envId)) notFound();
  const queryClient = makeQueryClient();
  try {
    const [env, tokens, credential, credentials] = await Promise.all([
      getEnvironment(access, envId),
      listEnvironmentTokens(access, envId),
      listEffectiveCredentials(access, { limit: 1, environmentId: envId }),
      listCredentials(access, { limit: 200 }),
    ]);
    queryClient.setQueryData(keys.environment(orgId, envId), env);
    queryClient.setQueryData(keys.tokens(orgId, envId), { items: tokens, nextCursor: null });
    queryClient.setQueryData(keys.environmentCredential(orgId, envId), credential.items[0] ?? null);
    if (credentials.nextCursor === null) queryClient.setQueryData(keys.credentials(orgId), credentials.items);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EnvironmentDetails
        orgId={orgId}
        envId={envId}
        canManage={can(access.role, 'token.manage')}
        canManageCredentials={can(access.role, 'credential.manage')}
        canTest={can(access.role, 'credential.test')}
        publicUrl={getConfig().publicUrl}
      />
    </HydrationBoundary>
  );
}
