import { queryOptions } from '@tanstack/react-query';
import { ZPage, type TStage } from '@/lib/schemas/common';
import {
  ZConnectionTestResult,
  ZDeploymentCredential,
  ZEffectiveCredentialRow,
  ZEnvironmentOverride,
  type TCreateCredential,
  type TDeploymentCredential,
  type TPutOverride,
  type TUpdateCredential,
} from '@/lib/schemas/credentials';
import { api, apiNoContent } from '../api';
import { keys } from './keys';

// Deployment credentials, environment overrides, effective credentials and Test connection (issue 10).
// Everything lives under keys.credentialsAll(orgId): a change invalidates that one prefix.

export const EFFECTIVE_PAGE_SIZE = 50;
const CREDENTIALS_PAGE = 200;

export type EffectiveSourceFilter = 'environment' | 'project' | 'organization' | 'none';
export interface EffectiveFilter {
  projectId?: string | undefined;
  stage?: TStage | undefined;
  source?: EffectiveSourceFilter | undefined;
}

const ZCredentialPage = ZPage(ZDeploymentCredential);
const ZEffectivePage = ZPage(ZEffectiveCredentialRow);

/** Every credential of the organization (one per scope: the organization and each project), all pages. */
export const credentialsQuery = (orgId: string) =>
  queryOptions({
    queryKey: keys.credentials(orgId),
    queryFn: async ({ signal }): Promise<TDeploymentCredential[]> => {
      const items: TDeploymentCredential[] = [];
      let cursor: string | null = null;
      do {
        const params = new URLSearchParams({ limit: String(CREDENTIALS_PAGE) });
        if (cursor) params.set('cursor', cursor);
        const page: { items: TDeploymentCredential[]; nextCursor: string | null } = await api(`/api/v1/orgs/${orgId}/credentials?${params.toString()}`, ZCredentialPage, { signal });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  });

export function effectiveSearchParams(filter: EffectiveFilter, cursor: string): URLSearchParams {
  const params = new URLSearchParams({ limit: String(EFFECTIVE_PAGE_SIZE) });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** One page of the table of every environment with its effective credential (`cursor` '' = the first page). */
export const effectiveCredentialsQuery = (orgId: string, filter: EffectiveFilter, cursor: string) =>
  queryOptions({
    queryKey: keys.effectiveCredentials(orgId, { ...filter }, cursor),
    queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/effective-credentials?${effectiveSearchParams(filter, cursor).toString()}`, ZEffectivePage, { signal }),
  });

/**
 * One environment's effective credential (null when nothing applies) with its override. Read from the
 * table's `environmentId` filter, which answers "nothing" as `effective: null` instead of a 404.
 */
export const environmentCredentialQuery = (orgId: string, envId: string) =>
  queryOptions({
    queryKey: keys.environmentCredential(orgId, envId),
    queryFn: async ({ signal }) => {
      const page = await api(`/api/v1/orgs/${orgId}/effective-credentials?environmentId=${encodeURIComponent(envId)}&limit=1`, ZEffectivePage, { signal });
      return page.items[0] ?? null;
    },
  });

// ---- changes (each caller invalidates keys.credentialsAll(orgId)) ------------------------------------

export const createCredential = (orgId: string, body: TCreateCredential) => api(`/api/v1/orgs/${orgId}/credentials`, ZDeploymentCredential, { method: 'POST', body });

export const updateCredential = (orgId: string, credentialId: string, body: TUpdateCredential) =>
  api(`/api/v1/orgs/${orgId}/credentials/${credentialId}`, ZDeploymentCredential, { method: 'PATCH', body });

export const deleteCredential = (orgId: string, credentialId: string, version: number) =>
  apiNoContent(`/api/v1/orgs/${orgId}/credentials/${credentialId}?version=${version}`, { method: 'DELETE' });

/** The credential as stored now, or null when it is gone (after a 409 or 404). */
export const fetchCredential = (orgId: string, credentialId: string) => api(`/api/v1/orgs/${orgId}/credentials/${credentialId}`, ZDeploymentCredential);

export const putOverride = (orgId: string, envId: string, body: TPutOverride) => api(`/api/v1/orgs/${orgId}/environments/${envId}/override`, ZEnvironmentOverride, { method: 'PUT', body });

export const deleteOverride = (orgId: string, envId: string, version: number) => apiNoContent(`/api/v1/orgs/${orgId}/environments/${envId}/override?version=${version}`, { method: 'DELETE' });

export const runConnectionTest = (orgId: string, envId: string, credentialId: string | null) =>
  api(`/api/v1/orgs/${orgId}/environments/${envId}/test-connection`, ZConnectionTestResult, { method: 'POST', body: credentialId ? { credentialId } : {} });
