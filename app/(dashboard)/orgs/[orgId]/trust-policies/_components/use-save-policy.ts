'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiNoContent } from '@/lib/client/api';
import { keys } from '@/lib/client/queries/keys';
import { ZTrustPolicy, type TBuilderChoice, type TTrustPolicy } from '@/lib/schemas/trust-policy';

export interface SaveInput {
  name: string;
  description: string;
  /** Rendered IAM JSON; the server stores it canonically. */
  policy: string;
  /** The preset that produced the rows, so that the builder reopens on it. */
  builder: TBuilderChoice | null;
}

/** POST for a new policy, PUT with the version it was loaded at for an existing one (409 when stale). */
export function useSavePolicy(orgId: string, policyId: string | null, onSaved: (saved: TTrustPolicy) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: SaveInput; version: number | null }) =>
      policyId === null || version === null
        ? api(`/api/v1/orgs/${orgId}/trust-policies`, ZTrustPolicy, { method: 'POST', body: input })
        : api(`/api/v1/orgs/${orgId}/trust-policies/${policyId}`, ZTrustPolicy, { method: 'PUT', body: { ...input, version } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.trustPolicy(orgId, saved.id), saved);
      onSaved(saved);
      await queryClient.invalidateQueries({ queryKey: keys.trustPolicies(orgId) });
    },
  });
}

export function useDeletePolicy(orgId: string, policyId: string, onDeleted: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiNoContent(`/api/v1/orgs/${orgId}/trust-policies/${policyId}`, { method: 'DELETE' }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.trustPolicy(orgId, policyId) });
      await queryClient.invalidateQueries({ queryKey: keys.trustPolicies(orgId) });
      onDeleted();
    },
  });
}
