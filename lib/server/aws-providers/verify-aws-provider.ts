import 'server-only';
import { compareProvider } from '@/lib/domain/aws/drift';
import type { AwsRecordStatus } from '@/lib/domain/aws/verification-state';
import type { TAwsCredentials, TAwsProvider, TLastVerification } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { errorSummary } from '../aws/aws-error-kind';
import { getOidcProvider } from '../aws/iam-oidc-providers';
import { withAwsSession } from '../aws/aws-session';
import { readStringList } from '../aws-records/record-state';
import { sessionInput } from '../aws-records/session-input';
import { withRecord } from '../aws-records/with-record';
import { getDb } from '../db/client';
import { AppError, notFound } from '../errors';
import { awsProviderSnapshot, providerTarget, toAwsProviderDto, type AwsProviderRow } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';

// POST …/aws/providers/{id}/verify: reads the provider back (GetOpenIDConnectProvider) and compares
// it with the record (drift.ts). The answer is stored as lastVerification and the status becomes
// in_sync or drifted; a provider gone from AWS is a difference. If AWS cannot be read, the failure
// is stored too (status failed) and answered with its code.

export interface VerifyResult<R> {
  inSync: boolean;
  differences: TLastVerification['differences'];
  verifiedAt: string;
  status: AwsRecordStatus;
  record: R;
}

export async function verifyAwsProvider(access: OrgAccess, providerId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<VerifyResult<TAwsProvider>> {
  const row = await findAwsProvider(access.orgId, providerId);
  return withAwsSession(sessionInput(row, 'provider.verify', input.awsCredentials, access.meta.requestId), async (session) => {
    const at = new Date().toISOString();
    let verification: TLastVerification;
    let failure: AppError | null = null;
    try {
      const aws = await getOidcProvider(session, row.arn);
      const differences = compareProvider({ arn: row.arn, issuerUrl: row.issuerUrl, audiences: readStringList(row.audiences), thumbprints: readStringList(row.thumbprints) }, aws);
      verification = { at, inSync: differences.length === 0, differences };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failure = error;
      verification = { at, inSync: null, differences: [], error: errorSummary(error) };
    }
    const saved = await saveProviderVerification(access, row, verification);
    const dto = toAwsProviderDto(saved);
    if (failure) throw withRecord(failure, dto);
    return { inSync: verification.inSync === true, differences: verification.differences, verifiedAt: at, status: dto.status, record: dto };
  });
}

async function saveProviderVerification(access: OrgAccess, row: AwsProviderRow, verification: TLastVerification): Promise<AwsProviderRow> {
  const status: AwsRecordStatus = verification.inSync === null ? 'failed' : verification.inSync ? 'in_sync' : 'drifted';
  return getDb().$transaction(async (tx) => {
    const current = await tx.awsProvider.findFirst({ where: { id: row.id, orgId: access.orgId } });
    if (!current) throw notFound('AWS provider');
    // Compared with the record as it was read; if it changed meanwhile, the status stays the new one's.
    await tx.awsProvider.updateMany({ where: { id: row.id, orgId: access.orgId }, data: { lastVerification: JSON.stringify(verification), ...(current.version === row.version ? { status } : {}) } });
    const after = await tx.awsProvider.findFirstOrThrow({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'aws_provider.verify',
      target: providerTarget(after),
      after: { ...awsProviderSnapshot(after), verification: { inSync: verification.inSync, differences: verification.differences.length, error: verification.error ?? null } },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return after;
  });
}
