import 'server-only';
import type { z } from 'zod';
import { providerArn } from '@/lib/domain/aws/arn';
import type { TAwsProvider, ZCreateAwsProvider } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { getDb } from '../db/client';
import { alreadyExists, notFound, prismaErrorCode } from '../errors';
import { issuerFor } from '../oidc/issuer';
import { readIssuerSettings } from '../oidc/issuer-settings';
import { newId } from '../security/ids';
import { applyProviderRecord } from './apply-aws-provider';
import { awsProviderSnapshot, providerTarget, toAwsProviderDto, type AwsProviderRow } from './aws-provider-dto';
import { usableIssuer } from './usable-issuer';

// POST /api/v1/orgs/{orgId}/aws/providers. One provider per AWS account (its URL is the
// organization's issuer). Audiences default to the issuer's allowed audiences. With `apply: true`
// every check that needs no AWS write runs first (issuer usable by AWS, credentials of this
// account); only then is the record written and the provider created or adopted in AWS.

type Input = z.output<typeof ZCreateAwsProvider>;

const taken = (accountId: string) => alreadyExists(`This organization already has an OIDC provider record for AWS account ${accountId}.`, 'accountId');

async function defaultAudiences(orgId: string): Promise<string[]> {
  const row = await getDb().issuerSettings.findUnique({ where: { orgId } });
  if (!row) throw notFound('organization');
  return readIssuerSettings(row).audiences;
}

async function insert(access: OrgAccess, input: Input, issuerUrl: string, audiences: string[]): Promise<AwsProviderRow> {
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.awsProvider.create({
        data: {
          id: newId(),
          orgId: access.orgId,
          accountId: input.accountId,
          arn: providerArn('aws', input.accountId, issuerUrl),
          issuerUrl,
          audiences: JSON.stringify(audiences),
          thumbprints: JSON.stringify(input.thumbprints.map((t) => t.toLowerCase())),
          createdById: access.userId,
        },
      });
      await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_provider.create', target: providerTarget(row), after: awsProviderSnapshot(row), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
      return row;
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw taken(input.accountId);
    throw error;
  }
}

export async function createAwsProvider(access: OrgAccess, input: Input): Promise<TAwsProvider> {
  const issuerUrl = input.apply ? usableIssuer(access.orgId) : issuerFor(access.orgId);
  const audiences = input.audiences ?? (await defaultAudiences(access.orgId));
  if (await getDb().awsProvider.findFirst({ where: { orgId: access.orgId, accountId: input.accountId }, select: { id: true } })) throw taken(input.accountId);
  if (!input.apply) return toAwsProviderDto(await insert(access, input, issuerUrl, audiences));
  const planned = { accountId: input.accountId, partition: 'aws', arn: providerArn('aws', input.accountId, issuerUrl) };
  return withAwsSession(sessionInput(planned, 'provider.apply', input.awsCredentials, access.meta.requestId), async (session) => {
    const row = await insert(access, input, issuerUrl, audiences);
    return applyProviderRecord(access, session, row, issuerUrl, false);
  });
}
