import { queryOptions } from '@tanstack/react-query';
import { ZEvaluationTargets, ZInspectResult, ZMintedIdToken, ZTokenEvaluation, type TEvaluateTokenBody } from '@/lib/schemas/inspector';
import { api } from '../api';
import { keys } from './keys';

// The claim inspector's server calls. Tokens travel only in POST bodies (never in a URL or a query
// key), through mutations whose state lives in memory.

export const inspectorTargetsQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.inspectorTargets(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/inspector/targets`, ZEvaluationTargets, { signal }), staleTime: 30_000 });

export const inspectToken = (orgId: string, token: string) => api('/api/v1/tokens/inspect', ZInspectResult, { method: 'POST', body: { token, orgId } });

export const evaluateToken = (orgId: string, body: TEvaluateTokenBody) => api(`/api/v1/orgs/${orgId}/inspector/evaluate`, ZTokenEvaluation, { method: 'POST', body });

export const mintIdToken = (orgId: string, envId: string, body: { audience?: string }) => api(`/api/v1/orgs/${orgId}/environments/${envId}/id-token`, ZMintedIdToken, { method: 'POST', body });
