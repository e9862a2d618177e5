import 'server-only';
import { issuerUsableByAws } from '@/lib/domain/aws/issuer-usability';
import type { TTrustChain } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { readStringList, recordStateDto } from '../aws-records/record-state';
import { reachSummary } from '../aws-roles/analyse-role-policy';
import { getDb } from '../db/client';
import { policyContext } from '../trust-policies/policy-context';

// GET /api/v1/orgs/{orgId}/aws/trust-chain: "who can get into which AWS account" — this
// organization's issuer → its IAM OIDC provider in each account → the roles there → the
// environments each role's trust policy admits (the reach preview), each link with its last
// verification state. Accounts are those of any provider or role record, in account order.

export async function getTrustChain(access: OrgAccess): Promise<TTrustChain> {
  const db = getDb();
  const [context, providers, roles] = await Promise.all([
    policyContext(access),
    db.awsProvider.findMany({ where: { orgId: access.orgId }, orderBy: { accountId: 'asc' }, take: 500 }),
    db.awsRole.findMany({ where: { orgId: access.orgId }, orderBy: [{ accountId: 'asc' }, { nameKey: 'asc' }], take: 1000 }),
  ]);
  const accountIds = [...new Set([...providers.map((p) => p.accountId), ...roles.map((r) => r.accountId)])].sort();
  const verdict = issuerUsableByAws(context.issuer);
  return {
    issuer: context.issuer,
    issuerUsableByAws: verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason },
    environmentCount: context.environments.length,
    accounts: accountIds.map((accountId) => {
      const provider = providers.find((p) => p.accountId === accountId);
      return {
        accountId,
        provider: provider ? { ...link(provider), audiences: readStringList(provider.audiences) } : null,
        roles: roles
          .filter((r) => r.accountId === accountId)
          .map((role) => {
            const reach = reachSummary(context, role.trustPolicy, role.accountId);
            return { ...link(role), roleName: role.name, reach, ...(reach ? {} : { reachError: 'The trust policy cannot be read by the evaluator.' }) };
          }),
      };
    }),
  };
}

function link(row: Parameters<typeof recordStateDto>[0]) {
  const state = recordStateDto(row);
  return { id: state.id, arn: state.arn, status: state.status, verification: state.verification };
}
