import 'server-only';
import type { TIssuerSettings } from '@/lib/schemas/issuer';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { readIssuerSettings, toIssuerSettingsDto } from './issuer-settings';

export async function getIssuerSettings(access: OrgAccess): Promise<TIssuerSettings> {
  const row = await getDb().issuerSettings.findUnique({ where: { orgId: access.orgId } });
  if (!row) throw notFound('organization');
  return toIssuerSettingsDto(access.orgId, readIssuerSettings(row));
}
