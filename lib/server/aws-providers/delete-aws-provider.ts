import 'server-only';
import type { OrgAccess } from '../auth/org-access';
import { deleteRecord } from '../aws-records/delete-record';
import { providerStore } from './provider-store';

/** DELETE …/aws/providers/{id}: removes Trustbridge's record only; the provider in AWS stays (see delete-in-aws). */
export const deleteAwsProvider = (access: OrgAccess, providerId: string): Promise<void> => deleteRecord(access, providerStore, providerId);
