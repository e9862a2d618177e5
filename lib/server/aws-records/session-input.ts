import 'server-only';
import { isPartition, type Partition } from '@/lib/domain/aws/arn';
import type { AwsOperation } from '@/lib/domain/aws/required-permissions';
import type { TAwsCredentials } from '@/lib/schemas/aws';
import type { OpenSessionInput } from '../aws/aws-session';

/** The session for one operation on one record: its account and partition, the ARN it touches. */
export function sessionInput(row: { accountId: string; partition: string; arn: string }, operation: AwsOperation, credentials: TAwsCredentials | undefined, requestId: string): OpenSessionInput {
  const partition: Partition = isPartition(row.partition) ? row.partition : 'aws';
  const target = operation.startsWith('provider.') ? { partition, accountId: row.accountId, providerArn: row.arn } : { partition, accountId: row.accountId, roleArn: row.arn };
  return { partition, accountId: row.accountId, credentials, operation, target, requestId };
}
