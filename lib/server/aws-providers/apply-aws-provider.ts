import 'server-only';
import { isPartition, providerArn } from '@/lib/domain/aws/arn';
import type { TAwsCredentials, TAwsProvider } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { withAwsSession, type AwsSession } from '../aws/aws-session';
import { statusAfterApply } from '../aws-records/record-state';
import { outcomeAudit, saveObservation } from '../aws-records/record-store';
import { sessionInput } from '../aws-records/session-input';
import { runSteps, StepLog } from '../aws-records/step-log';
import { withRecord } from '../aws-records/with-record';
import { versionConflict } from '../errors';
import { providerSpec, toAwsProviderDto, type AwsProviderRow } from './aws-provider-dto';
import { findAwsProvider } from './list-aws-providers';
import { applyProviderSteps, type ProviderApplySummary } from './provider-steps';
import { providerStore } from './provider-store';
import { usableIssuer } from './usable-issuer';

// POST …/aws/providers/{id}/apply (and `apply: true` on create). The issuer must be usable by AWS
// (https, no port) and the credentials must belong to the record's account before anything is
// called; what AWS did is stored as lastApply, and a failure is answered with its AWS code plus
// the record (`error.record`) as it is now. Observations (status, lastApply) do not bump `version`,
// which guards what people edit; only a moved issuer (PUBLIC_URL changed) does.

export interface ApplyInput {
  version?: number | undefined;
  prune: boolean;
  awsCredentials?: TAwsCredentials | undefined;
}

export async function applyAwsProvider(access: OrgAccess, providerId: string, input: ApplyInput): Promise<TAwsProvider> {
  const row = await findAwsProvider(access.orgId, providerId);
  if (input.version !== undefined && input.version !== row.version) throw versionConflict('AWS provider', row.version);
  const issuerUrl = usableIssuer(access.orgId);
  return withAwsSession(sessionInput(row, 'provider.apply', input.awsCredentials, access.meta.requestId), (session) => applyProviderRecord(access, session, row, issuerUrl, input.prune));
}

/** Applies a loaded record in an open session; stores and audits the outcome. */
export async function applyProviderRecord(access: OrgAccess, session: AwsSession, row: AwsProviderRow, issuerUrl: string, prune: boolean): Promise<TAwsProvider> {
  // The issuer follows PUBLIC_URL: if it moved since the record was made, the record follows it.
  const arn = providerArn(isPartition(row.partition) ? row.partition : 'aws', row.accountId, issuerUrl);
  const spec = { ...providerSpec(row), issuerUrl, arn };
  const log = new StepLog();
  const at = new Date();
  let summary: ProviderApplySummary = { result: 'updated', extra: {} };
  await runSteps(log, async () => {
    summary = await applyProviderSteps(session, log, spec, prune);
  });
  const extraNote = summary.extra.clientIds ? ` AWS also has client IDs the record does not (${summary.extra.clientIds.join(', ')}): left in place; apply with prune to remove them.` : '';
  const outcome = log.outcome('apply', at, { result: summary.result, extra: summary.extra, message: log.summary(`The OIDC provider ${arn} ${summary.result === 'created' ? 'was created' : 'exists'} in AWS with the record's client IDs${spec.thumbprints.length > 0 ? ' and thumbprints' : ''}.${extraNote}`) });
  const saved = await saveObservation(access, providerStore, row, 'apply', (current) => ({ lastApply: outcome, status: statusAfterApply(outcome, current.version !== row.version), ...(arn !== current.arn ? { moved: { issuerUrl, arn } } : {}) }), { apply: outcomeAudit(outcome) });
  const dto = toAwsProviderDto(saved);
  if (log.failure) throw withRecord(log.failure, dto);
  return dto;
}
