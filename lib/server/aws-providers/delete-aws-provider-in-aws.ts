import 'server-only';
import type { TAwsCredentials, TAwsProvider, TLastApply } from '@/lib/schemas/aws';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { deleteOidcProvider } from '../aws/iam-oidc-providers';
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
  return withAwsSession(sessionInput(row, 'provider.delete-in-aws', input.awsCredentials), async (session) => {
    const log = new StepLog();
    const at = new Date();
    let result: 'deleted' | 'absent' = 'deleted';
    await runSteps(log, async () => {
      result = await log.run('iam:DeleteOpenIDConnectProvider', row.arn, () => deleteOidcProvider(session, row.arn), (r) => (r === 'deleted' ? { status: 'done' } : { status: 'unchanged', detail: 'It did not exist.' }));
    });
    const outcome = log.outcome('delete', at, {
      result: result === 'deleted' ? 'deleted' : 'already_absent',
      message: log.summary(result === 'deleted' ? `The OIDC provider ${row.arn} was deleted in AWS; the record stays and can be applied again.` : `The OIDC provider ${row.arn} did not exist in AWS.`),
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
