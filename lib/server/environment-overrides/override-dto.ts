import 'server-only';
import type { TEnvironmentOverride } from '@/lib/schemas/credentials';
import { roleSummary, type RecordedRole } from '../aws-roles/recorded-role';

export const overrideSelect = { environmentId: true, roleArn: true, durationSeconds: true, createdAt: true, updatedAt: true, version: true } as const;

export interface OverrideRow {
  environmentId: string;
  roleArn: string;
  durationSeconds: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function toOverrideDto(row: OverrideRow, role: RecordedRole | null | undefined): TEnvironmentOverride {
  return {
    environmentId: row.environmentId,
    roleArn: row.roleArn,
    durationSeconds: row.durationSeconds,
    role: roleSummary(role),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export const overrideSnapshot = (row: Pick<OverrideRow, 'environmentId' | 'roleArn' | 'durationSeconds' | 'version'>) => ({
  environmentId: row.environmentId,
  roleArn: row.roleArn,
  durationSeconds: row.durationSeconds,
  version: row.version,
});
