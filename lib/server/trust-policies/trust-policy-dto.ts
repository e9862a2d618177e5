import 'server-only';
import { lintPolicy, parsePolicy } from '@/lib/domain/trust-policy';
import { ZBuilderChoice, type TBuilderChoice, type TTrustPolicy, type TTrustPolicySummary } from '@/lib/schemas/trust-policy';

export interface TrustPolicyRow {
  id: string;
  name: string;
  description: string;
  document: string;
  builder: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function problems(document: string, lintOptions: { issuer: string; orgId: string; sessionTags: boolean }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of lintPolicy(document, lintOptions)) counts[finding.severity] += 1;
  return counts;
}

export function toTrustPolicySummary(row: TrustPolicyRow, lintOptions: { issuer: string; orgId: string; sessionTags: boolean }): TTrustPolicySummary {
  return { id: row.id, name: row.name, description: row.description, version: row.version, updatedAt: row.updatedAt.toISOString(), problems: problems(row.document, lintOptions) };
}

/** The stored builder choice, or null when there is none or it no longer parses (it is only a hint). */
export function builderChoice(stored: string | null): TBuilderChoice | null {
  if (stored === null) return null;
  try {
    const parsed = ZBuilderChoice.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function toTrustPolicyDto(row: TrustPolicyRow, lintOptions: { issuer: string; orgId: string; sessionTags: boolean }): TTrustPolicy {
  return { ...toTrustPolicySummary(row, lintOptions), document: JSON.parse(row.document) as Record<string, unknown>, builder: builderChoice(row.builder), createdAt: row.createdAt.toISOString() };
}

export function trustPolicySnapshot(row: TrustPolicyRow) {
  return { id: row.id, name: row.name, description: row.description, version: row.version, builder: builderChoice(row.builder), document: parsePolicy(row.document).ok ? (JSON.parse(row.document) as unknown) : row.document };
}
