import 'server-only';
import type { TOrganization } from '@/lib/schemas/organizations';
import type { Role } from '@/lib/domain/access/permissions';
import { issuerFor } from '../oidc/issuer';

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function toOrganizationDto(org: OrganizationRow, role: Role): TOrganization {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    issuer: issuerFor(org.id),
    role,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    version: org.version,
  };
}

/** What the audit log keeps of an organization. */
export function organizationSnapshot(org: OrganizationRow) {
  return { id: org.id, slug: org.slug, name: org.name, version: org.version };
}
