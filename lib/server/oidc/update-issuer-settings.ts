import 'server-only';
import type { TIssuerSettings, TUpdateIssuerSettings } from '@/lib/schemas/issuer';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, notFound, versionConflict } from '../errors';
import { invalidateIssuerState } from './issuer-cache';
import { issuerSettingsSnapshot, readIssuerSettings, toIssuerSettingsDto } from './issuer-settings';

// Issuer settings change with a version check. Changing the subject template changes the `sub`
// of every environment — roles whose trust policies name the old subjects stop admitting them —
// so it needs explicit confirmation (the UI shows the before/after preview first).
export async function updateIssuerSettings(access: OrgAccess, input: TUpdateIssuerSettings): Promise<TIssuerSettings> {
  const result = await getDb().$transaction(async (tx) => {
    const row = await tx.issuerSettings.findFirst({ where: { orgId: access.orgId, version: input.version } });
    if (!row) {
      const current = await tx.issuerSettings.findUnique({ where: { orgId: access.orgId }, select: { version: true } });
      throw current ? versionConflict('issuer settings', current.version) : notFound('organization');
    }
    const before = readIssuerSettings(row);
    const templateChanges = input.subjectTemplate !== undefined && input.subjectTemplate.join(':') !== before.subjectTemplate.join(':');
    if (templateChanges && input.confirmSubjectChange !== true) {
      throw new AppError(409, 'confirmation_required', 'Changing the subject template changes the sub claim of every environment, and trust policies that name the old subjects stop admitting them. Review the preview, then send confirmSubjectChange: true.');
    }
    const updated = await tx.issuerSettings.updateMany({
      where: { orgId: access.orgId, version: input.version },
      data: {
        ...(input.algorithm !== undefined ? { algorithm: input.algorithm } : {}),
        ...(input.tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds: input.tokenLifetimeSeconds } : {}),
        ...(input.audiences !== undefined ? { audiences: JSON.stringify(input.audiences) } : {}),
        ...(input.subjectTemplate !== undefined ? { subjectTemplate: JSON.stringify(input.subjectTemplate) } : {}),
        ...(input.sessionTags !== undefined ? { sessionTags: input.sessionTags } : {}),
        ...(input.rotationPeriodDays !== undefined ? { rotationPeriodDays: input.rotationPeriodDays } : {}),
        ...(input.rotationLeadHours !== undefined ? { rotationLeadHours: input.rotationLeadHours } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw versionConflict('issuer settings');
    const afterRow = await tx.issuerSettings.findUniqueOrThrow({ where: { orgId: access.orgId } });
    const after = readIssuerSettings(afterRow);
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'issuer.update',
      target: { type: 'issuer', id: access.orgId, label: 'issuer settings' },
      before: issuerSettingsSnapshot(before),
      after: issuerSettingsSnapshot(after),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return toIssuerSettingsDto(access.orgId, after);
  });
  invalidateIssuerState(access.orgId);
  return result;
}
