import 'server-only';
import type { TOrganization } from '@/lib/schemas/organizations';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { toOrganizationDto } from './organization-dto';

export async function getOrganization(access: OrgAccess): Promise<TOrganization> {
  const org = await getDb().organization.findUnique({ where: { id: access.orgId } });
  if (!org) throw notFound('organization');
  return toOrganizationDto(org, access.role);
}
