import 'server-only';
import type { ProviderSpec } from '@/lib/domain/aws/resource-spec';
import type { TAwsProvider } from '@/lib/schemas/aws';
import { readStringList, recordStateDto, type RecordStateRow } from '../aws-records/record-state';

export interface AwsProviderRow extends RecordStateRow {
  orgId: string;
  issuerUrl: string;
  audiences: string;
  thumbprints: string;
}

export function toAwsProviderDto(row: AwsProviderRow): TAwsProvider {
  return { ...recordStateDto(row), issuerUrl: row.issuerUrl, audiences: readStringList(row.audiences), thumbprints: readStringList(row.thumbprints) };
}

/** What the audit log keeps of a provider (no AWS answers, never credentials). */
export function awsProviderSnapshot(row: AwsProviderRow) {
  return { id: row.id, accountId: row.accountId, arn: row.arn, issuerUrl: row.issuerUrl, audiences: readStringList(row.audiences), thumbprints: readStringList(row.thumbprints), status: row.status, version: row.version };
}

export function providerSpec(row: AwsProviderRow): ProviderSpec {
  return { orgId: row.orgId, accountId: row.accountId, arn: row.arn, issuerUrl: row.issuerUrl, audiences: readStringList(row.audiences), thumbprints: readStringList(row.thumbprints) };
}

export const providerTarget = (row: Pick<AwsProviderRow, 'id' | 'arn'>) => ({ type: 'aws_provider', id: row.id, label: row.arn });
