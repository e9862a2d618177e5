import 'server-only';
import { compareRole } from '@/lib/domain/aws/drift';
import type { AwsRecordStatus } from '@/lib/domain/aws/verification-state';
import type { TAwsCredentials, TAwsRole, TLastVerification } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { errorSummary } from '../aws/aws-error-kind';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { withRecord } from '../aws-records/with-record';
import type { VerifyResult } from '../aws-providers/verify-aws-provider';
import { getDb } from '../db/client';
import { AppError, notFound } from '../errors';
import { awsRoleSnapshot, roleSpec, roleTarget, toAwsRoleDto, type AwsRoleRow } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { readRoleInAws } from './read-role-in-aws';

// POST …/aws/roles/{id}/verify: GetRole (its trust policy comes back URL-encoded) and
// ListAttachedRolePolicies, compared semantically with the record (drift.ts). Stored as
// lastVerification, status in_sync or drifted; a role gone from AWS is a difference. If AWS cannot
// be read, that is stored too (status failed) and answered with its code.

export async function verifyAwsRole(access: OrgAccess, roleId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<VerifyResult<TAwsRole>> {
  const row = await findAwsRole(access.orgId, roleId);
  return withAwsSession(sessionInput(row, 'role.verify', input.awsCredentials, access.meta.requestId), async (session) => {
    const at = new Date().toISOString();
    let verification: TLastVerification;
    let failure: AppError | null = null;
    try {
      const differences = compareRole(roleSpec(row), await readRoleInAws(session, row));
      verification = { at, inSync: differences.length === 0, differences };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failure = error;
      verification = { at, inSync: null, differences: [], error: errorSummary(error) };
    }
    const saved = await saveRoleVerification(access, row, verification);
    const dto = toAwsRoleDto(saved);
    if (failure) throw withRecord(failure, dto);
    return { inSync: verification.inSync === true, differences: verification.differences, verifiedAt: at, status: dto.status, record: dto };
  });
}

async function saveRoleVerification(access: OrgAccess, row: AwsRoleRow, verification: TLastVerification): Promise<AwsRoleRow> {
  const status: AwsRecordStatus = verification.inSync === null ? 'failed' : verification.inSync ? 'in_sync' : 'drifted';
  return getDb().$transaction(async (tx) => {
    const current = await tx.awsRole.findFirst({ where: { id: row.id, orgId: access.orgId } });
    if (!current) throw notFound('AWS role');
    await tx.awsRole.updateMany({ where: { id: row.id, orgId: access.orgId }, data: { lastVerification: JSON.stringify(verification), ...(current.version === row.version ? { status } : {}) } });
    const after = await tx.awsRole.findFirstOrThrow({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'aws_role.verify',
      target: roleTarget(after),
      after: { ...awsRoleSnapshot(after), verification: { inSync: verification.inSync, differences: verification.differences.length, error: verification.error ?? null } },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return after;
  });
}
