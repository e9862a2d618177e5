import 'server-only';
import { z } from 'zod';
import { getDb } from '../db/client';

// The IAM OIDC providers recorded for this organization's issuer (the AWS wizard, issue 9, owns
// the records; the inspector only reads the ARN and the client IDs to check a token's audience).

export interface RecordedProvider {
  arn: string;
  accountId: string;
  audiences: string[];
}

const ZAudiences = z.array(z.string());

export async function listRecordedProviders(orgId: string, issuer: string): Promise<RecordedProvider[]> {
  const rows = await getDb().awsProvider.findMany({ where: { orgId }, select: { arn: true, accountId: true, audiences: true, issuerUrl: true }, orderBy: { accountId: 'asc' }, take: 100 });
  return rows
    .filter((r) => r.issuerUrl === issuer)
    .map((r) => {
      let audiences: string[] = [];
      try {
        const parsed = ZAudiences.safeParse(JSON.parse(r.audiences));
        audiences = parsed.success ? parsed.data : [];
      } catch {
        audiences = [];
      }
      return { arn: r.arn, accountId: r.accountId, audiences };
    });
}
