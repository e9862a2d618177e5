import 'server-only';
import type { TAwsProvider } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { readStringList } from '../aws-records/record-state';
import { getDb } from '../db/client';
import { notFound, versionConflict } from '../errors';
import { awsProviderSnapshot, providerTarget, toAwsProviderDto } from './aws-provider-dto';

// PATCH …/aws/providers/{id}: audiences and thumbprints (the account and URL name the provider and
// cannot change). A change AWS has not seen yet makes the status `recorded` until the next apply.

interface Input {
  version: number;
  audiences?: string[] | undefined;
  thumbprints?: string[] | undefined;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export async function updateAwsProvider(access: OrgAccess, providerId: string, input: Input): Promise<TAwsProvider> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.awsProvider.findFirst({ where: { id: providerId, orgId: access.orgId } });
    if (!before) throw notFound('AWS provider');
    if (before.version !== input.version) throw versionConflict('AWS provider', before.version);
    const audiences = input.audiences ?? readStringList(before.audiences);
    const thumbprints = (input.thumbprints ?? readStringList(before.thumbprints)).map((t) => t.toLowerCase());
    const changed = !same(audiences, readStringList(before.audiences)) || !same(thumbprints, readStringList(before.thumbprints));
    const updated = await tx.awsProvider.updateMany({
      where: { id: providerId, orgId: access.orgId, version: input.version },
      data: { audiences: JSON.stringify(audiences), thumbprints: JSON.stringify(thumbprints), ...(changed ? { status: 'recorded' } : {}), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw versionConflict('AWS provider');
    const after = await tx.awsProvider.findFirstOrThrow({ where: { id: providerId, orgId: access.orgId } });
    await recordAudit(tx, { orgId: access.orgId, actor: access.actor, action: 'aws_provider.update', target: providerTarget(after), before: awsProviderSnapshot(before), after: awsProviderSnapshot(after), requestId: access.meta.requestId, ipAddress: access.meta.ipAddress });
    return toAwsProviderDto(after);
  });
}
