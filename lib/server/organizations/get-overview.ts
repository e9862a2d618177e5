import 'server-only';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';

export interface OrganizationOverview {
  projects: number;
  environments: number;
  activeTokens: number;
  members: number;
  firstEnvironmentId: string | null;
  /** For the "Get started" checklist: what exists of each step of the journey. */
  journey: {
    awsProviders: number;
    awsRoles: number;
    trustPolicies: number;
    /** Organization and project credentials plus per-environment overrides. */
    credentials: number;
    /** Tokens a workload has used to get an ID token. */
    usedTokens: number;
  };
}

export async function getOverview(access: OrgAccess, now = new Date()): Promise<OrganizationOverview> {
  const db = getDb();
  const where = { orgId: access.orgId };
  const [projects, environments, activeTokens, members, first, awsProviders, awsRoles, trustPolicies, credentials, overrides, usedTokens] = await Promise.all([
    db.project.count({ where }),
    db.environment.count({ where }),
    db.environmentToken.count({ where: { orgId: access.orgId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.membership.count({ where }),
    db.environment.findFirst({ where, orderBy: { id: 'asc' }, select: { id: true } }),
    db.awsProvider.count({ where }),
    db.awsRole.count({ where }),
    db.trustPolicy.count({ where }),
    db.deploymentCredential.count({ where }),
    db.environmentOverride.count({ where }),
    db.environmentToken.count({ where: { orgId: access.orgId, lastUsedAt: { not: null } } }),
  ]);
  return {
    projects,
    environments,
    activeTokens,
    members,
    firstEnvironmentId: first?.id ?? null,
    journey: { awsProviders, awsRoles, trustPolicies, credentials: credentials + overrides, usedTokens },
  };
}
