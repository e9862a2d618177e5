import 'server-only';
import { isPartition, providerArn } from '@/lib/domain/aws/arn';
import { exportProvider, type ExportDocument, type ExportFormat } from '@/lib/domain/aws/exports';
import type { OrgAccess } from '../auth/org-access';
import { issuerFor } from '../oidc/issuer';
import { providerSpec } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';

/** GET …/aws/providers/{id}/export?format=: the same provider apply creates, as text to paste (with today's issuer URL). */
export async function exportAwsProvider(access: OrgAccess, providerId: string, format: ExportFormat): Promise<ExportDocument> {
  const row = await findAwsProvider(access.orgId, providerId);
  const issuerUrl = issuerFor(access.orgId);
  return exportProvider({ ...providerSpec(row), issuerUrl, arn: providerArn(isPartition(row.partition) ? row.partition : 'aws', row.accountId, issuerUrl) }, format);
}
