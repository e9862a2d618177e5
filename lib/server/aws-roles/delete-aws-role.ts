import 'server-only';
import type { OrgAccess } from '../auth/org-access';
import { deleteRecord } from '../aws-records/delete-record';
import { roleStore } from './role-store';

/** DELETE …/aws/roles/{id}: removes Trustbridge's record only; the role in AWS stays (see delete-in-aws). */
export const deleteAwsRole = (access: OrgAccess, roleId: string): Promise<void> => deleteRecord(access, roleStore, roleId);
