import 'server-only';
import type { TTrustPolicy, TTrustPolicySummary } from '@/lib/schemas/trust-policy';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { lintContext } from './lint-context';
import { toTrustPolicyDto, toTrustPolicySummary } from './trust-policy-dto';

export async function listTrustPolicies(access: OrgAccess): Promise<TTrustPolicySummary[]> {
  const [rows, context] = await Promise.all([getDb().trustPolicy.findMany({ where: { orgId: access.orgId }, orderBy: { name: 'asc' }, take: 500 }), lintContext(access.orgId)]);
  return rows.map((row) => toTrustPolicySummary(row, context));
}

export async function getTrustPolicy(access: OrgAccess, policyId: string): Promise<TTrustPolicy> {
  const row = await getDb().trustPolicy.findFirst({ where: { id: policyId, orgId: access.orgId } });
  if (!row) throw notFound('trust policy');
  return toTrustPolicyDto(row, await lintContext(access.orgId));
}
