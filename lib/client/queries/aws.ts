import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ExportFormat } from '@/lib/domain/aws/exports';
import { ZPage } from '@/lib/schemas/common';
import { ZAwsProvider, ZAwsRole, ZProviderVerifyResult, ZRoleVerifyResult, ZTrustChain, type TAwsCredentials, type TAwsProvider, type TAwsRole } from '@/lib/schemas/aws';
import type { TBuilderChoice } from '@/lib/schemas/trust-policy';
import { api, apiNoContent, apiText } from '../api';
import { keys } from './keys';

// The AWS setup wizard's server calls. Pasted AWS credentials travel only in the POST bodies of the
// calls that need them — never in a URL, a query key or a mutation's variables (the caller hands
// them over at the moment of the request, see use-aws-credentials).

export type AwsKind = 'providers' | 'roles';

const path = (orgId: string, kind: AwsKind, id?: string, action?: string) => `/api/v1/orgs/${orgId}/aws/${kind}${id ? `/${id}` : ''}${action ? `/${action}` : ''}`;

export const awsProvidersQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.awsList(orgId, 'providers'), queryFn: ({ signal }) => api(path(orgId, 'providers'), ZPage(ZAwsProvider), { signal }) });

/** The role records (also offered in the credential forms' role pickers, with their MaxSessionDuration). */
export const awsRolesQuery = (orgId: string) => queryOptions({ queryKey: keys.awsList(orgId, 'roles'), queryFn: ({ signal }) => api(path(orgId, 'roles'), ZPage(ZAwsRole), { signal }) });

/** One role with its trust policy's lint findings and reach (the list has neither). */
export const awsRoleQuery = (orgId: string, roleId: string) =>
  queryOptions({ queryKey: keys.awsRecord(orgId, 'roles', roleId), queryFn: ({ signal }) => api(path(orgId, 'roles', roleId), ZAwsRole, { signal }) });

export const awsTrustChainQuery = (orgId: string) => queryOptions({ queryKey: keys.awsTrustChain(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/aws/trust-chain`, ZTrustChain, { signal }) });

export const exportUrl = (orgId: string, kind: AwsKind, id: string, format: ExportFormat, download = false) => `${path(orgId, kind, id, 'export')}?format=${format}${download ? '&download=1' : ''}`;

export const awsExportQuery = (orgId: string, kind: AwsKind, id: string, format: ExportFormat) =>
  queryOptions({ queryKey: keys.awsExport(orgId, kind, id, format), queryFn: ({ signal }) => apiText(exportUrl(orgId, kind, id, format), { signal }) });

// ---- changes ----------------------------------------------------------------------------------------

type Credentials = { awsCredentials?: TAwsCredentials | undefined };
const withCredentials = <T extends object>(body: T, awsCredentials: TAwsCredentials | undefined) => (awsCredentials ? { ...body, awsCredentials } : body);

export interface ProviderInput {
  accountId: string;
  audiences?: string[];
  thumbprints?: string[];
  apply: boolean;
}

export const createAwsProvider = (orgId: string, input: ProviderInput & Credentials) =>
  api(path(orgId, 'providers'), ZAwsProvider, { method: 'POST', body: withCredentials({ accountId: input.accountId, ...(input.audiences ? { audiences: input.audiences } : {}), thumbprints: input.thumbprints ?? [], apply: input.apply }, input.awsCredentials) });

export const updateAwsProvider = (orgId: string, providerId: string, input: { version: number; audiences?: string[]; thumbprints?: string[] }) =>
  api(path(orgId, 'providers', providerId), ZAwsProvider, { method: 'PATCH', body: input });

export interface RoleInput {
  accountId: string;
  roleName: string;
  path: string;
  description: string;
  maxSessionDuration: number;
  /** IAM JSON (with `builder`, how the builder produced it) or a saved policy. */
  trustPolicy?: string | Record<string, unknown>;
  builder?: TBuilderChoice | null;
  trustPolicyId?: string;
  managedPolicyArns: string[];
}

export const createAwsRole = (orgId: string, input: RoleInput & { apply: boolean } & Credentials) => {
  const { awsCredentials, ...body } = input;
  return api(path(orgId, 'roles'), ZAwsRole, { method: 'POST', body: withCredentials(body, awsCredentials) });
};

export type RoleUpdate = Partial<Pick<RoleInput, 'description' | 'maxSessionDuration' | 'trustPolicy' | 'builder' | 'trustPolicyId' | 'managedPolicyArns'>> & { version: number };

export const updateAwsRole = (orgId: string, roleId: string, input: RoleUpdate) => api(path(orgId, 'roles', roleId), ZAwsRole, { method: 'PATCH', body: input });

const recordSchema = { providers: ZAwsProvider, roles: ZAwsRole } as const;
type RecordOf<K extends AwsKind> = K extends 'providers' ? TAwsProvider : TAwsRole;

export const applyAwsRecord = <K extends AwsKind>(orgId: string, kind: K, id: string, input: { prune?: boolean } & Credentials): Promise<RecordOf<K>> =>
  api(path(orgId, kind, id, 'apply'), recordSchema[kind], { method: 'POST', body: withCredentials({ prune: input.prune ?? false }, input.awsCredentials) }) as Promise<RecordOf<K>>;

export const adoptAwsRecord = <K extends AwsKind>(orgId: string, kind: K, id: string, input: { version: number } & Credentials): Promise<RecordOf<K>> =>
  api(path(orgId, kind, id, 'adopt'), recordSchema[kind], { method: 'POST', body: withCredentials({ version: input.version }, input.awsCredentials) }) as Promise<RecordOf<K>>;

export const deleteAwsRecordInAws = <K extends AwsKind>(orgId: string, kind: K, id: string, input: Credentials): Promise<RecordOf<K>> =>
  api(path(orgId, kind, id, 'delete-in-aws'), recordSchema[kind], { method: 'POST', body: withCredentials({ confirm: true }, input.awsCredentials) }) as Promise<RecordOf<K>>;

export const verifyAwsProvider = (orgId: string, id: string, input: Credentials) => api(path(orgId, 'providers', id, 'verify'), ZProviderVerifyResult, { method: 'POST', body: withCredentials({}, input.awsCredentials) });
export const verifyAwsRole = (orgId: string, id: string, input: Credentials) => api(path(orgId, 'roles', id, 'verify'), ZRoleVerifyResult, { method: 'POST', body: withCredentials({}, input.awsCredentials) });

export const deleteAwsRecord = (orgId: string, kind: AwsKind, id: string) => apiNoContent(path(orgId, kind, id), { method: 'DELETE' });

/** After deleting a record: it leaves the lists at once and its own queries are dropped (never fetched again, which would be a 404). */
export function forgetAwsRecord(queryClient: QueryClient, orgId: string, kind: AwsKind, id: string): void {
  const without = <T extends { items: Array<{ id: string }> }>(list: T | undefined): T | undefined => (list ? { ...list, items: list.items.filter((item) => item.id !== id) } : list);
  if (kind === 'providers') queryClient.setQueryData(awsProvidersQuery(orgId).queryKey, without);
  else queryClient.setQueryData(awsRolesQuery(orgId).queryKey, without);
  queryClient.removeQueries({ queryKey: keys.awsRecord(orgId, kind, id) });
  queryClient.removeQueries({ queryKey: [...keys.aws(orgId), kind, 'export', id] });
}

export interface AwsMutationCallbacks<R> {
  onSuccess?: ((result: R) => void) | undefined;
  onError?: ((error: Error) => void) | undefined;
}

/**
 * A mutation on AWS records: whatever it answers — also a refusal, since AWS may have failed after
 * the record was written (`error.record`) — the records, the trust chain and the exports of this
 * organization are fetched again. The callbacks run first (e.g. to put the new record's id into the
 * URL), and run even when the component that started the mutation is gone by then.
 */
export function useAwsMutation<V, R>(orgId: string, mutationFn: (variables: V) => Promise<R>, callbacks: AwsMutationCallbacks<R> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => callbacks.onSuccess?.(result),
    onError: (error) => callbacks.onError?.(error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.aws(orgId) }),
  });
}
