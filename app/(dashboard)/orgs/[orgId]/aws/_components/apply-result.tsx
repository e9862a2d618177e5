import { Alert } from '@/components/ui/alert';
import { DateTime } from '@/components/ui/time';
import { requiredPolicy, type AwsOperation, type PermissionTarget } from '@/lib/domain/aws/required-permissions';
import type { TApplyStep, TLastApply } from '@/lib/schemas/aws';
import { CodeBlock } from '@/components/ui/code-block';
import { awsErrorTitle } from './aws-error';
import { SymbolBadge } from './record-status';

// The record's last apply (or delete in AWS), step by step: what exists in AWS now. Read from the
// record, so it is the same after a reload; a refusal is explained from it too (the failed step
// names the IAM action, and the minimal policy for the operation is computed here).

const STEP: Record<TApplyStep['status'], { label: string; symbol: string; tone: 'green' | 'neutral' | 'red' | 'amber' }> = {
  done: { label: 'Done', symbol: '✓', tone: 'green' },
  unchanged: { label: 'Already so', symbol: '=', tone: 'neutral' },
  failed: { label: 'Failed', symbol: '×', tone: 'red' },
  skipped: { label: 'Not reached', symbol: '–', tone: 'amber' },
};

const RESULT: Record<NonNullable<TLastApply['result']>, string> = { created: 'Created in AWS', updated: 'Updated in AWS', deleted: 'Deleted in AWS', already_absent: 'Already absent from AWS' };

export function ApplySteps({ steps }: { steps: readonly TApplyStep[] }) {
  return (
    <ol aria-label="Steps in AWS" className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
      {steps.map((step, i) => {
        const s = STEP[step.status];
        return (
          <li key={`${step.action}-${step.target}-${i}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2 text-sm">
            <SymbolBadge tone={s.tone} symbol={s.symbol}>
              {s.label}
            </SymbolBadge>
            <span className="min-w-0 flex-1">
              <code className="font-mono text-xs font-medium text-slate-900">{step.action}</code>{' '}
              <code className="break-all font-mono text-xs text-slate-600">{step.target}</code>
              {step.detail ? <span className="block text-xs text-slate-600">{step.detail}</span> : null}
              {step.error ? <span className="block text-xs text-red-800 wrap-anywhere">{step.error.message}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function LastApply({ lastApply, operation, target }: { lastApply: TLastApply; operation: AwsOperation; target: PermissionTarget }) {
  const failed = lastApply.steps.find((s) => s.status === 'failed');
  const denied = lastApply.error?.code === 'aws_access_denied';
  const extra = [...(lastApply.extra.clientIds ?? []), ...(lastApply.extra.thumbprints ?? []), ...(lastApply.extra.managedPolicyArns ?? [])];
  const title = lastApply.ok ? (lastApply.result ? RESULT[lastApply.result] : 'Done') : awsErrorTitle(lastApply.error?.code ?? 'aws_error');
  return (
    <section aria-label="Last change in AWS" className="space-y-3">
      <Alert tone={lastApply.ok ? 'success' : 'error'} title={title}>
        <p className="wrap-anywhere">{lastApply.message}</p>
        <p className="mt-1 text-xs opacity-80">
          {lastApply.operation === 'delete' ? 'Delete in AWS' : 'Apply'}, <DateTime value={lastApply.at} />
        </p>
      </Alert>
      <ApplySteps steps={lastApply.steps} />
      {denied && failed ? (
        <div className="space-y-1.5 text-sm text-slate-800">
          <p>
            Missing IAM action: <code className="font-mono text-xs">{failed.action}</code>. The minimal policy for this step:
          </p>
          <CodeBlock code={JSON.stringify(requiredPolicy(operation, target), null, 2)} label="Minimal IAM policy for this step" />
        </div>
      ) : null}
      {extra.length > 0 ? (
        <Alert tone="warning" title="AWS has more than the record">
          <p>Left in place (someone else added them; apply with “remove what others added” to remove them):</p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs wrap-anywhere">
            {extra.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </section>
  );
}
