import 'server-only';
import { observedColumns, type RecordStore } from '../aws-records/record-store';
import { awsRoleSnapshot, type AwsRoleRow } from './aws-role-dto';

export const roleStore: RecordStore<AwsRoleRow> = {
  what: 'AWS role',
  auditType: 'aws_role',
  find: (db, orgId, id) => db.awsRole.findFirst({ where: { id, orgId } }),
  write: async (tx, orgId, id, observation) => {
    await tx.awsRole.updateMany({ where: { id, orgId }, data: observedColumns(observation) });
  },
  remove: (tx, orgId, id) => tx.awsRole.deleteMany({ where: { id, orgId } }),
  snapshot: awsRoleSnapshot,
};
