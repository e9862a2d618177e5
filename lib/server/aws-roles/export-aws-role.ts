import 'server-only';
import { exportRole, type ExportDocument, type ExportFormat } from '@/lib/domain/aws/exports';
import type { OrgAccess } from '../auth/org-access';
import { roleSpec } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';

/** GET …/aws/roles/{id}/export?format=: the same role apply creates, as text to paste. */
export async function exportAwsRole(access: OrgAccess, roleId: string, format: ExportFormat): Promise<ExportDocument> {
  return exportRole(roleSpec(await findAwsRole(access.orgId, roleId)), format);
}
