import 'server-only';
import { z } from 'zod';
import { verificationState, type AwsRecordStatus } from '@/lib/domain/aws/verification-state';
import { ZAwsRecordStatus, ZLastApply, ZLastVerification, type TLastApply, type TLastVerification } from '@/lib/schemas/aws';

// JSON columns of AwsProvider/AwsRole, parsed with zod like any other boundary, and the parts of
// their DTOs that both share (status, verification badge, last apply and verification).

const ZStringList = z.array(z.string());

export function readStringList(text: string): string[] {
  return ZStringList.parse(JSON.parse(text));
}

function readJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export const readLastApply = (text: string | null): TLastApply | null => readJson(ZLastApply, text);
export const readLastVerification = (text: string | null): TLastVerification | null => readJson(ZLastVerification, text);
export const readStatus = (text: string): AwsRecordStatus => ZAwsRecordStatus.catch('recorded').parse(text);

export interface RecordStateRow {
  id: string;
  accountId: string;
  partition: string;
  arn: string;
  status: string;
  lastApply: string | null;
  lastVerification: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function recordStateDto(row: RecordStateRow) {
  const status = readStatus(row.status);
  const lastVerification = readLastVerification(row.lastVerification);
  return {
    id: row.id,
    accountId: row.accountId,
    partition: row.partition,
    arn: row.arn,
    status,
    verification: { state: verificationState(status), at: lastVerification?.at ?? null, differenceCount: lastVerification?.differences.length ?? 0 },
    lastApply: readLastApply(row.lastApply),
    lastVerification,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Status after an apply: failed, or applied — unless the record changed while AWS was being called. */
export function statusAfterApply(outcome: TLastApply, versionChanged: boolean): AwsRecordStatus {
  if (!outcome.ok) return 'failed';
  return versionChanged ? 'recorded' : 'applied';
}
