import 'server-only';
import type { TStage } from '@/lib/schemas/common';
import type { TEnvironment } from '@/lib/schemas/projects';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { environmentInclude, environmentSnapshot, toEnvironmentDto } from './environment-dto';

export async function updateEnvironment(access: OrgAccess, envId: string, input: { name: string; stage: TStage; version: number }): Promise<TEnvironment> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId, version: input.version }, include: { project: { select: { slug: true } } } });
    if (!before) {
      const current = await tx.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: { version: true } });
      throw current ? versionConflict('environment', current.version) : notFound('environment');
    }
    const updated = await tx.environment.updateMany({
      where: { id: envId, orgId: access.orgId, version: input.version },
      data: { name: input.name, stage: input.stage, version: { increment: 1 } },
    });
    if (updated.count === 0) throw versionConflict('environment');
    const after = await tx.environment.findFirstOrThrow({ where: { id: envId, orgId: access.orgId }, include: environmentInclude(new Date()) });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'environment.update',
      target: { type: 'environment', id: envId, label: `${before.project.slug}/${before.slug}` },
      before: environmentSnapshot(before),
      after: environmentSnapshot(after),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return toEnvironmentDto(after);
  });
}
