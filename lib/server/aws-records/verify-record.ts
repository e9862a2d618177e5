import 'server-only';
import type { Difference } from '@/lib/domain/aws/drift';
import type { AwsOperation } from '@/lib/domain/aws/required-permissions';
import type { AwsRecordStatus } from '@/lib/domain/aws/verification-state';
import type { TAwsCredentials, TLastVerification } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { errorSummary } from '../aws/aws-error-kind';
import { withAwsSession, type AwsSession } from '../aws/aws-session';
import { AppError } from '../errors';
import type { RecordStateRow } from './record-state';
import { saveObservation, type RecordStore } from './record-store';
import { sessionInput } from './session-input';
import { withRecord } from './with-record';

// Verify = read the resource back from AWS and compare it with the record (lib/domain/aws/drift.ts).
// The answer is stored as lastVerification with status in_sync or drifted (a resource gone from AWS
// is a difference). If AWS cannot be read, that is stored too (status failed) and answered with its
// code and the record.

export interface VerifyResult<R> {
  inSync: boolean;
  differences: Difference[];
  verifiedAt: string;
  status: AwsRecordStatus;
  record: R;
}

export async function verifyRecord<Row extends RecordStateRow, Dto extends { status: AwsRecordStatus }>(
  access: OrgAccess,
  store: RecordStore<Row>,
  row: Row,
  operation: AwsOperation,
  credentials: TAwsCredentials | undefined,
  compare: (session: AwsSession) => Promise<Difference[]>,
  toDto: (row: Row) => Dto,
): Promise<VerifyResult<Dto>> {
  return withAwsSession(sessionInput(row, operation, credentials, access.meta.requestId), async (session) => {
    const at = new Date().toISOString();
    let verification: TLastVerification;
    let failure: AppError | null = null;
    try {
      const differences = await compare(session);
      verification = { at, inSync: differences.length === 0, differences };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failure = error;
      verification = { at, inSync: null, differences: [], error: errorSummary(error) };
    }
    const status: AwsRecordStatus = verification.inSync === null ? 'failed' : verification.inSync ? 'in_sync' : 'drifted';
    // Compared with the record as it was read: if it changed meanwhile, its status stays.
    const saved = await saveObservation(access, store, row, 'verify', (current) => ({ lastVerification: verification, ...(current.version === row.version ? { status } : {}) }), {
      verification: { inSync: verification.inSync, differences: verification.differences.length, error: verification.error ?? null },
    });
    const dto = toDto(saved);
    if (failure) throw withRecord(failure, dto);
    return { inSync: verification.inSync === true, differences: verification.differences, verifiedAt: at, status: dto.status, record: dto };
  });
}
