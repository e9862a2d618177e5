import 'server-only';
import type { TAwsCredentials, TAwsRole } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { withAwsSession, type AwsSession } from '../aws/aws-session';
import { statusAfterApply } from '../aws-records/record-state';
import { outcomeAudit, saveObservation } from '../aws-records/record-store';
import { sessionInput } from '../aws-records/session-input';
import { runSteps, StepLog } from '../aws-records/step-log';
import { withRecord } from '../aws-records/with-record';
import { versionConflict } from '../errors';
import { analyseRole, assertNoLintErrors, type RoleAnalysis } from './analyse-role-policy';
import { roleSpec, toAwsRoleDto, type AwsRoleRow } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { applyRoleSteps, type RoleApplySummary } from './role-steps';
import { roleStore } from './role-store';

// POST …/aws/roles/{id}/apply (and `apply: true` on create). The trust policy is linted again for
// the organization as it is now (errors block, no AWS call); the credentials must belong to the
// record's account. What AWS did is stored as lastApply; a failure half-way is answered with its
// AWS code plus the record (`error.record`) saying what exists in AWS now, and applying again
// finishes the job. Observations do not bump `version`, which guards what people edit.

export interface ApplyInput {
  version?: number | undefined;
  prune: boolean;
  awsCredentials?: TAwsCredentials | undefined;
}

export async function applyAwsRole(access: OrgAccess, roleId: string, input: ApplyInput): Promise<TAwsRole> {
  const row = await findAwsRole(access.orgId, roleId);
  if (input.version !== undefined && input.version !== row.version) throw versionConflict('AWS role', row.version);
  const analysis = await analyseRole(access, row.trustPolicy, row.accountId);
  assertNoLintErrors(analysis);
  return withAwsSession(sessionInput(row, 'role.apply', input.awsCredentials, access.meta.requestId), (session) => applyRoleRecord(access, session, row, input.prune, analysis));
}

export async function applyRoleRecord(access: OrgAccess, session: AwsSession, row: AwsRoleRow, prune: boolean, analysis: RoleAnalysis): Promise<TAwsRole> {
  const spec = roleSpec(row);
  const log = new StepLog();
  const at = new Date();
  let summary: RoleApplySummary = { result: 'updated', extra: {} };
  await runSteps(log, async () => {
    summary = await applyRoleSteps(session, log, spec, prune);
  });
  const extraNote = summary.extra.managedPolicyArns ? ` AWS also has managed policies attached that the record does not (${summary.extra.managedPolicyArns.join(', ')}): left attached; apply with prune to detach them.` : '';
  const outcome = log.outcome('apply', at, {
    result: summary.result,
    extra: summary.extra,
    message: log.summary(`The role ${spec.arn} ${summary.result === 'created' ? 'was created' : 'exists'} in AWS with the record's trust policy, settings and ${spec.managedPolicyArns.length} managed polic${spec.managedPolicyArns.length === 1 ? 'y' : 'ies'}.${extraNote}`),
  });
  const saved = await saveObservation(access, roleStore, row, 'apply', (current) => ({ lastApply: outcome, status: statusAfterApply(outcome, current.version !== row.version) }), { apply: outcomeAudit(outcome) });
  const dto = toAwsRoleDto(saved, analysis);
  if (log.failure) throw withRecord(log.failure, dto);
  return dto;
}
