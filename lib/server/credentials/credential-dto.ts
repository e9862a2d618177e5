import 'server-only';
import type { CredentialLayer } from '@/lib/domain/aws/effective-credential';
import type { TDeploymentCredential } from '@/lib/schemas/credentials';
import { roleSummary, type RecordedRole } from '../aws-roles/recorded-role';

export const ORG_SCOPE = 'org';

export const credentialSelect = {
  id: true,
  orgId: true,
  projectId: true,
  scopeKey: true,
  name: true,
  roleArn: true,
  durationSeconds: true,
  audience: true,
  region: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  project: { select: { slug: true, name: true } },
} as const;

export interface CredentialRow {
  id: string;
  projectId: string | null;
  name: string;
  roleArn: string;
  durationSeconds: number;
  audience: string;
  region: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  project: { slug: string; name: string } | null;
}

export function toCredentialDto(row: CredentialRow, role: RecordedRole | null | undefined): TDeploymentCredential {
  return {
    id: row.id,
    name: row.name,
    scope: row.projectId === null ? 'organization' : 'project',
    projectId: row.projectId,
    projectSlug: row.project?.slug ?? null,
    projectName: row.project?.name ?? null,
    roleArn: row.roleArn,
    durationSeconds: row.durationSeconds,
    audience: row.audience,
    region: row.region,
    role: roleSummary(role),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** What the audit log keeps of a credential (no secrets exist in it; keys avoid the redactor's patterns). */
export function credentialSnapshot(row: Omit<CredentialRow, 'project' | 'createdAt' | 'updatedAt'>) {
  return { id: row.id, name: row.name, projectId: row.projectId, roleArn: row.roleArn, durationSeconds: row.durationSeconds, audience: row.audience, region: row.region, version: row.version };
}

export function toCredentialLayer(row: Pick<CredentialRow, 'id' | 'name' | 'projectId' | 'roleArn' | 'durationSeconds' | 'audience' | 'region'>): CredentialLayer {
  return { id: row.id, name: row.name, projectId: row.projectId, roleArn: row.roleArn, durationSeconds: row.durationSeconds, audience: row.audience, region: row.region };
}

export const credentialLabel = (row: { name: string; project: { slug: string } | null }) => (row.project ? `${row.project.slug}: ${row.name}` : row.name);
