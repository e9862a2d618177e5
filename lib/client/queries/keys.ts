// Query keys in one place: server components prefetch with the same keys the client reads.
export const keys = {
  me: ['me'] as const,
  orgs: ['orgs'] as const,
  org: (orgId: string) => ['orgs', orgId] as const,
  projects: (orgId: string) => ['orgs', orgId, 'projects'] as const,
  environments: (orgId: string, filter: { projectId?: string | undefined } = {}) => ['orgs', orgId, 'environments', 'list', filter] as const,
  environmentsAll: (orgId: string) => ['orgs', orgId, 'environments'] as const,
  environment: (orgId: string, envId: string) => ['orgs', orgId, 'environments', 'one', envId] as const,
  tokens: (orgId: string, envId: string) => ['orgs', orgId, 'environments', 'tokens', envId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
  issuer: (orgId: string) => ['orgs', orgId, 'issuer'] as const,
  signingKeys: (orgId: string) => ['orgs', orgId, 'issuer', 'keys'] as const,
  environmentClaims: (orgId: string, envId: string) => ['orgs', orgId, 'environments', 'claims', envId] as const,
  audit: (orgId: string, filter: Record<string, string | undefined>) => ['orgs', orgId, 'audit', filter] as const,
};
