import 'server-only';
import type { TEnvironmentOverride } from '@/lib/schemas/credentials';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, notFound } from '../errors';
import { findRecordedRole } from '../aws-roles/recorded-role';
import { overrideSelect, toOverrideDto } from './override-dto';

export const noOverride = () => new AppError(404, 'no_override', 'This environment has no role override: it uses its project’s or the organization’s credential. PUT one to set it.');

export async function getEnvironmentOverride(access: OrgAccess, envId: string): Promise<TEnvironmentOverride> {
  const db = getDb();
  const env = await db.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: { id: true, override: { select: overrideSelect } } });
  if (!env) throw notFound('environment');
  if (!env.override) throw noOverride();
  return toOverrideDto(env.override, await findRecordedRole(db, access.orgId, env.override.roleArn));
}
