'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { LintPanel } from '@/components/trust-policy/lint-panel';
import { Alert } from '@/components/ui/alert';
import { CodeBlock, CopyField } from '@/components/ui/code-block';
import { LoadingRows } from '@/components/ui/skeleton';
import { LoadFailed } from '@/components/ui/load-failed';
import { wizardHref } from '@/lib/client/aws-wizard';
import { awsRoleQuery } from '@/lib/client/queries/aws';
import { trustPolicyContextQuery } from '@/lib/client/queries/trust-policies';
import type { TAwsRole } from '@/lib/schemas/aws';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import { DeleteRecordDialog } from './delete-record-dialog';
import { RecordWays } from './apply-record-form';
import { RecordButtons, RecordFacts, RecordHeader } from './record-facts';
import { RoleReach } from './role-reach';
import type { Way } from './two-ways';

// The role form carries the trust-policy builder and the whole engine (parser, linter, evaluator
// for the reach preview): loaded when a role is created or edited, not with the page — the page's
// first-load JavaScript stays within the goal (bench: page weight, ≤ 1.25× a blank page).
const RoleForm = dynamic(() => import('./role-form').then((m) => m.RoleForm), { ssr: false, loading: () => <LoadingRows rows={4} label="Loading the trust-policy builder" /> });

/** The builder needs the issuer, audiences and every environment with its sub (fetched by the browser). */
function WithContext({ orgId, children }: { orgId: string; children: (context: TPolicyContext) => ReactNode }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  if (context.isPending) return <LoadingRows rows={4} label="Loading the trust-policy builder" />;
  if (context.isError) return <LoadFailed what="The trust-policy builder" error={context.error} retry={() => void context.refetch()} />;
  return <>{children(context.data)}</>;
}

/** The second step: an IAM role whose trust policy says which environments may assume it. */
export function RoleStep({ orgId, role, providerId, defaultAccountId, canManage, initialWay }: { orgId: string; role: TAwsRole | 'new'; providerId: string | null; defaultAccountId: string; canManage: boolean; initialWay: Way }) {
  const router = useRouter();
  const [way, setWay] = useState<Way>(initialWay);
  const open = (id: string, recorded: Way) => router.replace(wizardHref(orgId, { step: 'role', providerId, roleId: id, way: recorded === 'yourself' ? 'yourself' : undefined }));
  if (role === 'new') {
    if (!canManage) return <Alert tone="info">No role is recorded yet. An owner or admin of this organization creates it here.</Alert>;
    return (
      <div className="space-y-5">
        <p className="text-sm text-slate-700">The role&apos;s trust policy decides which of this organization&apos;s environments may assume it. Start from a preset, check the reach, then create it.</p>
        <WithContext orgId={orgId}>{(context) => <RoleForm orgId={orgId} context={context} mode={{ kind: 'new', accountId: defaultAccountId, way, onWay: setWay }} onDone={(r, recorded) => open(r.id, recorded)} />}</WithContext>
      </div>
    );
  }
  return <RoleRecord key={role.id} orgId={orgId} listed={role} providerId={providerId} canManage={canManage} way={way} setWay={setWay} />;
}

function RoleRecord({ orgId, listed, providerId, canManage, way, setWay }: { orgId: string; listed: TAwsRole; providerId: string | null; canManage: boolean; way: Way; setWay: (way: Way) => void }) {
  // The list has no findings or reach; the record itself has both.
  const detail = useQuery({ ...awsRoleQuery(orgId, listed.id), placeholderData: listed });
  const role = detail.data ?? listed;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const target = { accountId: role.accountId, roleArn: role.arn };
  const hours = role.maxSessionDuration % 3600 === 0 ? `${role.maxSessionDuration / 3600} h` : `${role.maxSessionDuration} s`;
  if (editing) {
    return (
      <div className="space-y-4">
        <h3 className="text-base font-semibold text-slate-900">Edit {role.roleName}</h3>
        <WithContext orgId={orgId}>{(context) => <RoleForm orgId={orgId} context={context} mode={{ kind: 'edit', role }} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />}</WithContext>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <RecordHeader
        title={role.roleName}
        record={role}
        actions={<RecordButtons show={canManage} onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} />}
      />
      <RecordFacts
        facts={[
          ['ARN', <CopyField key="arn" value={role.arn} label="Role ARN" />],
          ['Account', role.accountId],
          ['Maximum session', `${hours} (MaxSessionDuration ${role.maxSessionDuration})`],
          ['Description', role.description || '—'],
          ['Managed policies', role.managedPolicyArns.length > 0 ? <ul key="mp" className="font-mono text-xs">{role.managedPolicyArns.map((a) => <li key={a}>{a}</li>)}</ul> : 'None'],
          [
            'Trust policy from',
            role.trustPolicyId ? (
              <Link key="tp" href={`/orgs/${orgId}/trust-policies/${role.trustPolicyId}`} className="font-medium text-brand-700 hover:underline">
                a saved trust policy
              </Link>
            ) : role.builder ? (
              `the builder (${role.builder.preset.replace(/-/g, ' ')})`
            ) : (
              'IAM JSON'
            ),
          ],
        ]}
        lastApply={role.lastApply}
        operation="role.apply"
        target={target}
      />
      <section aria-label="Reach of the role" className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Reach: who may assume it</h4>
        {role.reach ? <RoleReach reach={role.reach} /> : detail.isFetching ? <LoadingRows rows={1} label="Computing the reach" /> : <p className="text-sm text-slate-600">The evaluator cannot read this trust policy.</p>}
      </section>
      <details className="rounded-md border border-slate-200 text-sm">
        <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">Trust policy JSON and lint</summary>
        <div className="space-y-3 border-t border-slate-200 p-3">
          <CodeBlock code={JSON.stringify(role.trustPolicy, null, 2)} label="Trust policy of the role" />
          {role.findings && role.findings.length > 0 ? <LintPanel findings={role.findings} checks={[]} /> : role.findings ? <p className="text-slate-700">No lint findings.</p> : null}
        </div>
      </details>
      <RecordWays orgId={orgId} kind="roles" record={role} target={target} what={`the role ${role.roleName}`} way={way} onWay={setWay} canManage={canManage} next={{ href: wizardHref(orgId, { step: 'credential', providerId, roleId: role.id }), label: 'Next: the credential' }} />
      {canManage ? <DeleteRecordDialog orgId={orgId} kind="roles" id={role.id} name={role.roleName} target={target} open={deleting} onClose={() => setDeleting(false)} /> : null}
    </div>
  );
}
