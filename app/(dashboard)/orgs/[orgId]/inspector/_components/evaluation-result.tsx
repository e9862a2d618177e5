'use client';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { savePrefill } from '@/lib/client/builder-prefill';
import type { TTokenEvaluation } from '@/lib/schemas/inspector';

const DECISION = {
  Allow: { tone: 'green', text: 'Allowed: this trust policy admits the token.' },
  ImplicitDeny: { tone: 'red', text: 'Refused: no Allow statement matches.' },
  ExplicitDeny: { tone: 'red', text: 'Refused: a Deny statement matches.' },
} as const;

const mark = (ok: boolean) => (
  <span aria-hidden="true" className={ok ? 'text-emerald-600' : 'text-red-600'}>
    {ok ? '✓' : '✗'}
  </span>
);

/** Decision, failing condition, per-condition trace, and the smallest fix with "open in the builder". */
export function EvaluationResult({ orgId, result, canBuild }: { orgId: string; result: TTokenEvaluation; canBuild: boolean }) {
  const router = useRouter();
  const openInBuilder = () => {
    if (!result.fix) return;
    const savedId = result.target.kind === 'trust_policy' ? result.target.id : null;
    savePrefill(orgId, savedId, result.fix.policy);
    router.push(`/orgs/${orgId}/trust-policies/${savedId ?? 'new'}?from=inspector`);
  };
  if (!result.policyKnown) {
    return (
      <Alert tone="warning" title="The trust policy is unknown">
        {result.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </Alert>
    );
  }
  const decision = result.decision ? DECISION[result.decision] : null;
  const c = result.failingCondition;
  return (
    <div className="space-y-4">
      <p role="status" className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        <Badge tone={decision?.tone ?? 'red'}>{result.decision}</Badge>
        {decision?.text}
      </p>
      {result.refusedForTagSession ? <p className="text-sm text-slate-700">The token carries session tags, so STS also checks sts:TagSession against this policy, and that check fails.</p> : null}
      {result.failure ? (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">Failing condition</p>
          <p className="break-words">{result.failure}</p>
          {c ? (
            <dl className="mt-2 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_minmax(0,1fr)]">
              <dt className="font-medium">Policy wants</dt>
              <dd className="break-all font-mono">{c.operator} {JSON.stringify(c.policyValues)}</dd>
              <dt className="font-medium">Token gives</dt>
              <dd className="break-all font-mono">{c.contextValues === null ? '(absent)' : JSON.stringify(c.contextValues)}</dd>
            </dl>
          ) : null}
        </div>
      ) : null}
      {result.fix ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-3 text-sm text-emerald-950">
          <p className="font-medium">Smallest fix</p>
          <ol className="list-decimal space-y-1 pl-5">
            {result.fix.steps.map((s) => (
              <li key={s} className="break-words">
                {s}
              </li>
            ))}
          </ol>
          <CodeBlock label="Fixed trust policy" code={JSON.stringify(result.fix.policy, null, 2)} />
          {canBuild ? (
            <Button size="sm" onClick={openInBuilder}>
              Open in the builder
            </Button>
          ) : (
            <p className="text-xs">Only owners and admins can change trust policies: copy the JSON for them.</p>
          )}
        </div>
      ) : result.decision !== 'Allow' ? (
        <p className="text-sm text-slate-600">No automatic fix: the refusal comes from a condition Trustbridge does not guess values for. Edit it in the builder.</p>
      ) : null}
      {result.notes.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <details className="rounded-md border border-slate-200 text-sm">
        <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">Trace: every statement and condition</summary>
        <ul className="divide-y divide-slate-100">
          {result.statements.map((s) => (
            <li key={s.index} className="space-y-1 px-3 py-2">
              <p className="font-medium">
                {mark(s.matched)} Statement {s.index + 1}
                {s.sid ? ` (${s.sid})` : ''} — {s.effect}
              </p>
              <p className="break-words text-slate-700">{mark(s.principal.matched)} Principal: {s.principal.reason}</p>
              <p className="break-words text-slate-700">{mark(s.action.matched)} Action: {s.action.reason}</p>
              {s.conditions.map((cond, i) => (
                <p key={i} className="break-words text-slate-700">
                  {mark(cond.matched)} <span className="font-mono text-xs">{cond.operator} {cond.key}</span>: {cond.reason}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
