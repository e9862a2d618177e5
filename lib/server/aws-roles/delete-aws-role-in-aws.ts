import 'server-only';
import type { TAwsCredentials, TAwsRole } from '@/lib/schemas/aws';
import type { OrgAccess } from '../auth/org-access';
import { deleteInlinePolicy, deleteRole, detachPolicy, getRole, listAttachedPolicies, listInlinePolicies } from '../aws/iam-roles';
import { withAwsSession } from '../aws/aws-session';
import { outcomeAudit, saveObservation } from '../aws-records/record-store';
import { sessionInput } from '../aws-records/session-input';
import { runSteps, StepLog } from '../aws-records/step-log';
import { withRecord } from '../aws-records/with-record';
import { toAwsRoleDto } from './aws-role-dto';
import { findAwsRole } from './list-aws-roles';
import { roleStore } from './role-store';

// POST …/aws/roles/{id}/delete-in-aws {confirm: true}: IAM deletes a role only without attached
// and inline policies, so those go first (explicit, confirmed: the admin asked for the role to be
// gone), then DeleteRole. The record stays (status recorded) and can be applied again; a role
// already gone counts as done.

export async function deleteAwsRoleInAws(access: OrgAccess, roleId: string, input: { awsCredentials?: TAwsCredentials | undefined }): Promise<TAwsRole> {
  const row = await findAwsRole(access.orgId, roleId);
  return withAwsSession(sessionInput(row, 'role.delete-in-aws', input.awsCredentials, access.meta.requestId), async (session) => {
    const log = new StepLog();
    const at = new Date();
    let existed = true;
    await runSteps(log, async () => {
      const role = await log.run('iam:GetRole', row.arn, () => getRole(session, row.name, row.arn), (r) => (r ? { status: 'done' } : { status: 'unchanged', detail: 'It does not exist.' }));
      existed = role !== null;
      if (!role) return;
      const attached = await log.run('iam:ListAttachedRolePolicies', row.arn, () => listAttachedPolicies(session, row.name, row.arn));
      const inline = await log.run('iam:ListRolePolicies', row.arn, () => listInlinePolicies(session, row.name, row.arn));
      await log.runPlan([
        ...attached.map((arn) => ({ action: 'iam:DetachRolePolicy', target: arn, work: () => detachPolicy(session, row.name, arn) })),
        ...inline.map((name) => ({ action: 'iam:DeleteRolePolicy', target: name, work: () => deleteInlinePolicy(session, row.name, row.arn, name) })),
        { action: 'iam:DeleteRole', target: row.arn, work: () => deleteRole(session, row.name, row.arn) },
      ]);
    });
    const outcome = log.outcome('delete', at, {
      result: existed ? 'deleted' : 'already_absent',
      message: log.summary(existed ? `The role ${row.arn} was deleted in AWS; the record stays and can be applied again.` : `The role ${row.arn} did not exist in AWS.`),
    });
    const saved = await saveObservation(access, roleStore, row, 'delete_in_aws', () => ({ lastApply: outcome, status: outcome.ok ? 'recorded' : 'failed' }), { delete: outcomeAudit(outcome) });
    const dto = toAwsRoleDto(saved);
    if (log.failure) throw withRecord(log.failure, dto);
    return dto;
  });
}
