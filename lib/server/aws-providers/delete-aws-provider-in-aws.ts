import 'server-only';
import type { TAwsCredentials, TAwsProvider, TLastApply } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { deleteOidcProvider, getOidcProvider } from '../aws/iam-oidc-providers';
import { withAwsSession } from '../aws/aws-session';
import { sessionInput } from '../aws-records/session-input';
import { runSteps, StepLog } from '../aws-records/step-log';
import { withRecord } from '../aws-records/with-record';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { awsProviderSnapshot, providerTarget, toAwsProviderDto, type AwsProviderRow } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';

// POST …/aws/providers/{id}/delete-in-aws {confirm: true}: deletes the provider in AWS (roles that
// trust it stop working). The record stays (status recorded: it exists only here now), so it can be
// applied again; already gone counts as done.

export async function deleteAwsProviderInAws(access: OrgAccess, providerId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<TAwsProvider> {
  const row = await findAwsProvider(access.orgId, providerId);
  return withAwsSession(sessionInput(row, 'provider.delete-in-aws', input.awsCredentials, access.meta.requestId), async (session) => {
    const log = new StepLog();
    const at = new Date();
    let existed = true;
    await runSteps(log, async () => {
      // Read first: IAM answers a delete of a missing provider with NoSuchEntity, some emulators with success.
      const found = await log.run('iam:GetOpenIDConnectProvider', row.arn, () => getOidcProvider(session, row.arn), (p) => (p ? { status: 'done' } : { status: 'unchanged', detail: 'It does not exist.' }));
      existed = found !== null;
      if (found) await log.run('iam:DeleteOpenIDConnectProvider', row.arn, () => deleteOidcProvider(session, row.arn));
    });
    const outcome = log.outcome('delete', at, {
      result: existed ? 'deleted' : 'already_absent',
      message: log.summary(existed ? `The OIDC provider ${row.arn} was deleted in AWS; the record stays and can be applied again.` : `The OIDC provider ${row.arn} did not exist in AWS.`),
    });
    const saved = await saveProviderDeletion(access, row, outcome);
    const dto = toAwsProviderDto(saved);
    if (log.failure) throw withRecord(log.failure, dto);
    return dto;
  });
}

async function saveProviderDeletion(access: OrgAccess, row: AwsProviderRow, outcome: TLastApply): Promise<AwsProviderRow> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.awsProvider.findFirst({ where: { id: row.id, orgId: access.orgId } });
    if (!current) throw notFound('AWS provider');
    await tx.awsProvider.updateMany({ where: { id: row.id, orgId: access.orgId }, data: { lastApply: JSON.stringify(outcome), status: outcome.ok ? 'recorded' : 'failed' } });
    const after = await tx.awsProvider.findFirstOrThrow({ where: { id: row.id, orgId: access.orgId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'aws_provider.delete_in_aws',
      target: providerTarget(after),
      before: awsProviderSnapshot(current),
      after: { ...awsProviderSnapshot(after), delete: { ok: outcome.ok, result: outcome.result ?? null, error: outcome.error ?? null } },
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
    return after;
  });
}
