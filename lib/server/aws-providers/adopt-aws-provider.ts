import 'server-only';
import type { TAwsCredentials, TAwsProvider, TLastVerification } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getOidcProvider } from '../aws/iam-oidc-providers';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { getDb } from '../db/client';
import { AppError, notFound, versionConflict } from '../errors';
import { awsProviderSnapshot, providerTarget, toAwsProviderDto } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';

// POST …/aws/providers/{id}/adopt: "take AWS's version into the record" — the client IDs and
// thumbprints AWS has become the record's (the URL and account name the provider and are equal by
// construction). Overwrites what people edit, so it needs the `version` they saw.

export async function adoptAwsProvider(access: OrgAccess, providerId: string, input: { version: number; awsCredentials?: TAwsCredentials | undefined }): Promise<TAwsProvider> {
  const row = await findAwsProvider(access.orgId, providerId);
  if (row.version !== input.version) throw versionConflict('AWS provider', row.version);
  const aws = await withAwsSession(sessionInput(row, 'provider.adopt', input.awsCredentials, access.meta.requestId), (session) => getOidcProvider(session, row.arn));
  if (!aws) throw new AppError(400, 'aws_not_found', `${row.arn} does not exist in AWS, so there is nothing to take into the record. Apply the record to create it.`);
  const verification: TLastVerification = { at: new Date().toISOString(), inSync: true, differences: [] };
  return getDb().$transaction(async (tx) => {
    const updated = await tx.awsProvider.updateMany({
      where: { id: row.id, orgId: access.orgId, version: input.version },
      data: { audiences: JSON.stringify(aws.clientIds), thumbprints: JSON.stringify(aws.thumbprints.map((t) => t.toLowerCase())), status: 'in_sync', lastVerification: JSON.stringify(verification), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const current = await tx.awsProvider.findFirst({ where: { id: row.id, orgId: access.orgId }, select: { version: true } });
      throw current ? versionConflict('AWS provider', current.version) : notFound('AWS provider');
    }
    const after = await tx.awsProvider.findFirstOrThrow({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_provider.adopt', target: providerTarget(after), before: awsProviderSnapshot(row), after: awsProviderSnapshot(after), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
    return toAwsProviderDto(after);
  });
}
