import { infiniteQueryOptions } from '@tanstack/react-query';
import { ZAuditEvent } from '@/lib/schemas/audit';
import { ZPage } from '@/lib/schemas/common';
import { api } from '../api';
import { keys } from './keys';

export type AuditFilter = { action?: string; actor?: string; targetType?: string; since?: string; until?: string };

export function auditSearchParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
}

export const auditQuery = (orgId: string, filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: keys.audit(orgId, filter),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const params = auditSearchParams(filter);
      params.set('limit', '50');
      if (pageParam) params.set('cursor', pageParam);
      return api(`/api/v1/orgs/${orgId}/audit?${params.toString()}`, ZPage(ZAuditEvent), { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
