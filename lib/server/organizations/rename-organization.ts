import 'server-only';
import type { TOrganization } from '@/lib/schemas/organizations';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { organizationSnapshot, toOrganizationDto } from './organization-dto';

// The slug is immutable: it is part of every ID token (`org_slug`) and of trust policies users
// have already written. The display name can change; a stale version answers 409.
export async function renameOrganization(access: OrgAccess, input: { name: string; version: number }): Promise<TOrganization> {
  return getDb().$transaction(async (tx) => {
    // Every change increments `version`, so the row at (id, version) is the exact state we replace.
    const before = await tx.organization.findFirst({ where: { id: access.orgId, version: input.version } });
    if (!before) {
      const current = await tx.organization.findUnique({ where: { id: access.orgId }, select: { version: true } });
      throw current ? versionConflict('organization', current.version) : notFound('organization');
    }
    const updated = await tx.organization.updateMany({
      where: { id: access.orgId, version: input.version },
      data: { name: input.name, version: { increment: 1 } },
    });
    if (updated.count === 0) throw versionConflict('organization');
    const after = await tx.organization.findUniqueOrThrow({ where: { id: access.orgId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'organization.update',
      target: { type: 'organization', id: after.id, label: after.slug },
      before: organizationSnapshot(before),
      after: organizationSnapshot(after),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return toOrganizationDto(after, access.role);
  });
}
