import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ZPolicyContext, ZTrustPolicy, ZTrustPolicySummary } from '@/lib/schemas/trust-policy';
import { api } from '../api';
import { keys } from './keys';

export const ZTrustPolicyList = z.object({ items: z.array(ZTrustPolicySummary), nextCursor: z.string().nullable() });

export const trustPoliciesQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.trustPolicies(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/trust-policies`, ZTrustPolicyList, { signal }) });

export const trustPolicyQuery = (orgId: string, policyId: string) =>
  queryOptions({ queryKey: keys.trustPolicy(orgId, policyId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/trust-policies/${policyId}`, ZTrustPolicy, { signal }) });

/**
 * Issuer, audiences, session tags, subject template and every environment with its `sub`: the
 * builder computes presets, lint and reach from it in the browser. Can hold 100,000 environments,
 * so it is fetched by the client rather than inlined into the page's HTML.
 */
export const trustPolicyContextQuery = (orgId: string) =>
  queryOptions({
    queryKey: keys.trustPolicyContext(orgId),
    queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/trust-policies/context`, ZPolicyContext, { signal }),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
