import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ZPage } from '@/lib/schemas/common';
import { ZIssuerSettings, ZSigningKeyInfo } from '@/lib/schemas/issuer';
import { api } from '../api';
import { keys } from './keys';

export const issuerQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.issuer(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/issuer`, ZIssuerSettings, { signal }) });

export const signingKeysQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.signingKeys(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/issuer/keys`, ZPage(ZSigningKeyInfo), { signal }), refetchInterval: 30_000 });

export const ZClaimsPreview = z.object({ claims: z.record(z.string(), z.unknown()), signed: z.literal(false) });

export const environmentClaimsQuery = (orgId: string, envId: string) =>
  queryOptions({ queryKey: keys.environmentClaims(orgId, envId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/environments/${envId}/claims`, ZClaimsPreview, { signal }) });
