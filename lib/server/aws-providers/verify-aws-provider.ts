import 'server-only';
import { compareProvider } from '@/lib/domain/aws/drift';
import type { TAwsCredentials, TAwsProvider } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { getOidcProvider } from '../aws/iam-oidc-providers';
import { readStringList } from '../aws-records/record-state';
import { verifyRecord, type VerifyResult } from '../aws-records/verify-record';
import { toAwsProviderDto } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';
import { providerStore } from './provider-store';

/** POST …/aws/providers/{id}/verify: GetOpenIDConnectProvider, compared with the record. */
export async function verifyAwsProvider(access: OrgAccess, providerId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<VerifyResult<TAwsProvider>> {
  const row = await findAwsProvider(access.orgId, providerId);
  const wanted = { arn: row.arn, issuerUrl: row.issuerUrl, audiences: readStringList(row.audiences), thumbprints: readStringList(row.thumbprints) };
  return verifyRecord(access, providerStore, row, 'provider.verify', input.awsCredentials, async (session) => compareProvider(wanted, await getOidcProvider(session, row.arn)), toAwsProviderDto);
}
