import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ZMe } from '@/lib/schemas/auth';
import { ZPage } from '@/lib/schemas/common';
import { ZOrganization } from '@/lib/schemas/organizations';
import { api } from '../api';
import { keys } from './keys';

export const meQuery = () => queryOptions({ queryKey: keys.me, queryFn: ({ signal }) => api('/api/v1/me', ZMe, { signal }) });

export const organizationQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.org(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}`, ZOrganization, { signal }) });

export const organizationsQuery = () =>
  queryOptions({ queryKey: keys.orgs, queryFn: ({ signal }) => api('/api/v1/orgs?limit=200', ZPage(ZOrganization), { signal }) });

export const ZOk = z.object({ status: z.string() }).passthrough();
