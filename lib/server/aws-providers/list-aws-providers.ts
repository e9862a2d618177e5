import 'server-only';
import type { TAwsProvider } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { toAwsProviderDto, type AwsProviderRow } from './aws-provider-dto';
import { providerStore } from './provider-store';

export async function findAwsProvider(orgId: string, providerId: string): Promise<AwsProviderRow> {
  const row = await providerStore.find(getDb(), orgId, providerId);
  if (!row) throw notFound(providerStore.what);
  return row;
}

export async function listAwsProviders(access: OrgAccess, filter: { accountId?: string | undefined } = {}): Promise<TAwsProvider[]> {
  const rows = await getDb().awsProvider.findMany({ where: { orgId: access.orgId, ...(filter.accountId ? { accountId: filter.accountId } : {}) }, orderBy: { id: 'asc' }, take: 500 });
  return rows.map(toAwsProviderDto);
}

export async function getAwsProvider(access: OrgAccess, providerId: string): Promise<TAwsProvider> {
  return toAwsProviderDto(await findAwsProvider(access.orgId, providerId));
}
