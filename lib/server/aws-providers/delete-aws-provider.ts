import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { awsProviderSnapshot, providerTarget } from './aws-provider-dto';

/** DELETE …/aws/providers/{id}: removes Trustbridge's record only; the provider in AWS stays (see delete-in-aws). */
export async function deleteAwsProvider(access: OrgAccess, providerId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.awsProvider.findFirst({ where: { id: providerId, orgId: access.orgId } });
    if (!row) throw notFound('AWS provider');
    await tx.awsProvider.deleteMany({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_provider.delete', target: providerTarget(row), before: awsProviderSnapshot(row), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
  });
}
