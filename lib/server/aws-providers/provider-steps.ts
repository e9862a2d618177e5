import 'server-only';
import { THUMBPRINTS_MAX } from '@/lib/domain/aws/limits';
import { managedByTags, type ProviderSpec } from '@/lib/domain/aws/resource-spec';
import type { TLastApply } from '@/lib/schemas/aws';
import { addClientId, createOidcProvider, getOidcProvider, removeClientId, updateThumbprints, type OidcProviderInAws } from '../aws/iam-oidc-providers';
import type { AwsSession } from '../aws/aws-session';
import type { PlannedStep, StepLog } from '../aws-records/step-log';
import { AppError } from '../errors';

// Apply of an IAM OIDC provider: CreateOpenIDConnectProvider with the issuer URL and audiences.
// If it exists (EntityAlreadyExists) it is adopted: read back, missing client IDs added, pinned
// thumbprints added. Client IDs and thumbprints someone else added stay (and are reported in
// `extra`) unless the caller asked to prune them.

export interface ProviderApplySummary {
  result: 'created' | 'updated';
  extra: TLastApply['extra'];
}

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

function thumbprintPlan(session: AwsSession, spec: ProviderSpec, current: OidcProviderInAws, prune: boolean): { steps: PlannedStep[]; extra: string[] } {
  if (spec.thumbprints.length === 0) return { steps: [], extra: [] };
  const ours = lower(spec.thumbprints);
  const theirs = lower(current.thumbprints);
  const extra = theirs.filter((t) => !ours.includes(t));
  const wanted = prune ? ours : [...ours, ...extra];
  if (wanted.length === theirs.length && wanted.every((t) => theirs.includes(t))) return { steps: [], extra: prune ? [] : extra };
  const work = async () => {
    if (wanted.length > THUMBPRINTS_MAX) {
      throw new AppError(409, 'aws_limit_exceeded', `The provider would have ${wanted.length} thumbprints; IAM allows ${THUMBPRINTS_MAX}. Apply with prune to replace AWS's thumbprints with the record's.`, { action: 'iam:UpdateOpenIDConnectProviderThumbprint' });
    }
    await updateThumbprints(session, spec.arn, wanted);
  };
  return { steps: [{ action: 'iam:UpdateOpenIDConnectProviderThumbprint', target: spec.arn, detail: wanted.join(', '), work }], extra: prune ? [] : extra };
}

export async function applyProviderSteps(session: AwsSession, log: StepLog, spec: ProviderSpec, prune: boolean): Promise<ProviderApplySummary> {
  const created = await log.run(
    'iam:CreateOpenIDConnectProvider',
    spec.arn,
    () => createOidcProvider(session, { arn: spec.arn, url: spec.issuerUrl, clientIds: spec.audiences, thumbprints: spec.thumbprints, tags: managedByTags(spec.orgId) }),
    (r) => (r === 'created' ? { status: 'done' } : { status: 'unchanged', detail: 'It exists already: adopting it.' }),
  );
  if (created === 'created') return { result: 'created', extra: {} };
  const current = await log.run('iam:GetOpenIDConnectProvider', spec.arn, async () => {
    const found = await getOidcProvider(session, spec.arn);
    if (!found) throw new AppError(409, 'aws_error', `${spec.arn} existed a moment ago and is gone now. Apply again.`, { action: 'iam:GetOpenIDConnectProvider' });
    return found;
  });
  const missing = spec.audiences.filter((id) => !current.clientIds.includes(id));
  const extraClientIds = current.clientIds.filter((id) => !spec.audiences.includes(id));
  for (const id of spec.audiences.filter((a) => current.clientIds.includes(a))) log.unchanged('iam:AddClientIDToOpenIDConnectProvider', id, 'Already a client ID.');
  const thumbprints = thumbprintPlan(session, spec, current, prune);
  await log.runPlan([
    ...missing.map((id) => ({ action: 'iam:AddClientIDToOpenIDConnectProvider', target: id, work: () => addClientId(session, spec.arn, id) })),
    ...(prune ? extraClientIds.map((id) => ({ action: 'iam:RemoveClientIDFromOpenIDConnectProvider', target: id, work: () => removeClientId(session, spec.arn, id) })) : []),
    ...thumbprints.steps,
  ]);
  const extra: TLastApply['extra'] = {};
  if (!prune && extraClientIds.length > 0) extra.clientIds = extraClientIds;
  if (thumbprints.extra.length > 0) extra.thumbprints = thumbprints.extra;
  return { result: 'updated', extra };
}
