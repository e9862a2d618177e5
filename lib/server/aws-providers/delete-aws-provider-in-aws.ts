import 'server-only';
import type { TAwsCredentials, TAwsProvider } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { deleteOidcProvider, getOidcProvider } from '../aws/iam-oidc-providers';
import { withAwsSession } from '../aws/aws-session';
import { outcomeAudit, saveObservation } from '../aws-records/record-store';
import { sessionInput } from '../aws-records/session-input';
import { runSteps, StepLog } from '../aws-records/step-log';
import { withRecord } from '../aws-records/with-record';
import { toAwsProviderDto } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';
import { providerStore } from './provider-store';

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
    const saved = await saveObservation(access, providerStore, row, 'delete_in_aws', () => ({ lastApply: outcome, status: outcome.ok ? 'recorded' : 'failed' }), { delete: outcomeAudit(outcome) });
    const dto = toAwsProviderDto(saved);
    if (log.failure) throw withRecord(log.failure, dto);
    return dto;
  });
}
