import 'server-only';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { awsRoleSnapshot, roleTarget } from './aws-role-dto';

/** DELETE …/aws/roles/{id}: removes Trustbridge's record only; the role in AWS stays (see delete-in-aws). */
export async function deleteAwsRole(access: OrgAccess, roleId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.awsRole.findFirst({ where: { id: roleId, orgId: access.orgId } });
    if (!row) throw notFound('AWS role');
    await tx.awsRole.deleteMany({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_role.delete', target: roleTarget(row), before: awsRoleSnapshot(row), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
  });
}
