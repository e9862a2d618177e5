import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ZPage } from '@/lib/schemas/common';
import { ZEnvironment, ZProject } from '@/lib/schemas/projects';
import { ZEnvironmentToken } from '@/lib/schemas/tokens';
import { api } from '../api';
import { keys } from './keys';

export const projectsQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.projects(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/projects?limit=200`, ZPage(ZProject), { signal }) });

export const environmentsQuery = (orgId: string, filter: { projectId?: string | undefined } = {}) =>
  infiniteQueryOptions({
    queryKey: keys.environments(orgId, filter),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '100' });
      if (pageParam) params.set('cursor', pageParam);
      if (filter.projectId) params.set('projectId', filter.projectId);
      return api(`/api/v1/orgs/${orgId}/environments?${params.toString()}`, ZPage(ZEnvironment), { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const environmentQuery = (orgId: string, envId: string) =>
  queryOptions({ queryKey: keys.environment(orgId, envId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/environments/${envId}`, ZEnvironment, { signal }) });

export const tokensQuery = (orgId: string, envId: string) =>
  queryOptions({
    queryKey: keys.tokens(orgId, envId),
    queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/environments/${envId}/tokens`, ZPage(ZEnvironmentToken), { signal }),
  });
