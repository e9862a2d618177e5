import 'server-only';
import { observedColumns, type RecordStore } from '../aws-records/record-store';
import { awsProviderSnapshot, type AwsProviderRow } from './aws-provider-dto';

export const providerStore: RecordStore<AwsProviderRow> = {
  what: 'AWS provider',
  auditType: 'aws_provider',
  find: (db, orgId, id) => db.awsProvider.findFirst({ where: { id, orgId } }),
  write: async (tx, orgId, id, observation) => {
    const moved = observation.moved ? { issuerUrl: observation.moved.issuerUrl, arn: observation.moved.arn, version: { increment: 1 } } : {};
    await tx.awsProvider.updateMany({ where: { id, orgId }, data: { ...observedColumns(observation), ...moved } });
  },
  remove: (tx, orgId, id) => tx.awsProvider.deleteMany({ where: { id, orgId } }),
  snapshot: awsProviderSnapshot,
};
