import 'server-only';
import { lintPolicy, parsePolicy } from '@/lib/domain/trust-policy';
import type { TTrustPolicy, TTrustPolicySummary } from '@/lib/schemas/trust-policy';

export interface TrustPolicyRow {
  id: string;
  name: string;
  description: string;
  document: string;
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

export function toTrustPolicyDto(row: TrustPolicyRow, lintOptions: { issuer: string; orgId: string; sessionTags: boolean }): TTrustPolicy {
  return { ...toTrustPolicySummary(row, lintOptions), document: JSON.parse(row.document) as Record<string, unknown>, createdAt: row.createdAt.toISOString() };
}

export function trustPolicySnapshot(row: TrustPolicyRow) {
  return { id: row.id, name: row.name, description: row.description, version: row.version, document: parsePolicy(row.document).ok ? (JSON.parse(row.document) as unknown) : row.document };
}
