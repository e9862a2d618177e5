'use client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/field';
import { CheckIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { DateTime } from '@/components/ui/time';
import { errorMessage } from '@/lib/client/api';
import { runConnectionTest } from '@/lib/client/queries/credentials';
import { CONNECTION_STEP_TITLES, CONNECTION_STEPS, type TConnectionTestResult } from '@/lib/schemas/credentials';

export interface TestChoice {
  /** null: the environment's effective credential. */
  credentialId: string | null;
  label: string;
}

type StepView = { id: (typeof CONNECTION_STEPS)[number]; title: string; status: 'ok' | 'failed' | 'skipped' | 'running' | 'waiting'; detail?: string; fix?: string | undefined };

// While the request runs, the steps light up one after the other at this pace and the last one
// waits for STS; then each shows what really happened.
const PACE_MS = 600;

function StepMark({ status }: { status: StepView['status'] }) {
  if (status === 'running') return <Spinner className="text-brand-600" />;
  const look = {
    ok: 'bg-emerald-600 text-white',
    failed: 'bg-red-600 text-white',
    skipped: 'border-2 border-slate-300 text-slate-400',
    waiting: 'border-2 border-slate-200',
  }[status];
  return (
    <span aria-hidden="true" className={cn('flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold [&_svg]:size-3', look)}>
      {status === 'ok' ? <CheckIcon /> : status === 'failed' ? '!' : status === 'skipped' ? '–' : null}
    </span>
  );
}

function Steps({ steps, label }: { steps: StepView[]; label: string }) {
  return (
    <ol aria-label={label} className="space-y-3">
      {steps.map((step) => (
        <li key={step.id} className="grid grid-cols-[1rem_minmax(0,1fr)] gap-x-3 text-sm">
          <span className="mt-0.5">
            <StepMark status={step.status} />
          </span>
          <div className="min-w-0">
            <p className={cn('font-medium', step.status === 'waiting' || step.status === 'skipped' ? 'text-slate-500' : 'text-slate-900')}>
              {step.title} <span className="sr-only">— {step.status}</span>
              {step.status === 'failed' || step.status === 'skipped' ? <span className={cn('ml-2 text-xs font-normal', step.status === 'failed' ? 'text-red-700' : 'text-slate-500')} aria-hidden="true">{step.status}</span> : null}
            </p>
            {step.detail ? <p className="mt-0.5 text-slate-700 wrap-anywhere">{step.detail}</p> : null}
            {step.fix ? (
              <p className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900 wrap-anywhere">
                <span className="font-medium">Fix: </span>
                {step.fix}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Outcome({ result }: { result: TConnectionTestResult }) {
  if (result.ok) {
    const warned = result.steps.some((s) => s.status === 'failed');
    return (
      <Alert tone={warned ? 'warning' : 'success'} title={warned ? 'Connected, but a step disagrees: read its fix below' : 'Connected: AWS issued credentials for this environment'}>
        <p className="wrap-anywhere">
          Assumed role <code className="font-mono text-xs">{result.assumedRoleArn ?? result.roleArn}</code>
          {result.account ? ` in account ${result.account}` : ''}
          {result.expiration ? (
            <>
              , valid until <DateTime value={result.expiration} />
            </>
          ) : null}
          . The AWS credentials stayed on the server.
        </p>
      </Alert>
    );
  }
  const failed = result.steps.find((s) => s.status === 'failed');
  return (
    <Alert tone="error" title={`The connection failed${failed ? ` at “${failed.title}”` : ''}`}>
      <p className="wrap-anywhere">
        {result.awsErrorCode ? `AWS answered ${result.awsErrorCode}${result.cause ? ` (${result.cause.replace(/_/g, ' ')})` : ''}. ` : ''}
        The steps below say why and what to change.
      </p>
    </Alert>
  );
}

/**
 * Test connection for one environment: mint a token, pre-check it against the recorded role, call
 * STS from the server, then GetCallerIdentity — shown step by step while it runs, then the outcome
 * of each step with its detail and fix. `autoRun` starts it at once (the table's Test button).
 */
export function ConnectionTest({ orgId, envId, envLabel, choices, autoRun = false }: { orgId: string; envId: string; envLabel: string; choices: readonly TestChoice[]; autoRun?: boolean }) {
  const [chosen, setChosen] = useState<string>('');
  const [tick, setTick] = useState(0);
  const test = useMutation({ mutationFn: (credentialId: string | null) => runConnectionTest(orgId, envId, credentialId) });
  const started = useRef(false);
  const run = () => {
    setTick(0);
    test.mutate(chosen || null);
  };
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      test.mutate(null);
    }
  }, [autoRun, test]);
  useEffect(() => {
    if (!test.isPending) return;
    const timer = setInterval(() => setTick((t) => t + 1), PACE_MS);
    return () => clearInterval(timer);
  }, [test.isPending]);

  const running = Math.min(tick, CONNECTION_STEPS.length - 2); // waits at "assume" (STS) until the answer
  const steps: StepView[] = test.data
    ? test.data.steps.map((s) => ({ id: s.id, title: s.title, status: s.status, detail: s.detail, fix: s.fix }))
    : CONNECTION_STEPS.map((id, i) => ({ id, title: CONNECTION_STEP_TITLES[id], status: test.isPending ? (i < running ? 'ok' : i === running ? 'running' : 'waiting') : 'waiting' }));

  return (
    <div className="space-y-4" aria-busy={test.isPending || undefined}>
      <div className="flex flex-wrap items-end gap-3">
        {choices.length > 1 ? (
          <SelectField label="Credential to test" value={chosen} onChange={(e) => setChosen(e.target.value)} className="min-w-0 basis-full sm:max-w-md sm:flex-1 sm:basis-0">
            {choices.map((c) => (
              <option key={c.credentialId ?? ''} value={c.credentialId ?? ''}>
                {c.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Button onClick={run} loading={test.isPending} variant={test.data || test.isError ? 'secondary' : 'primary'}>
          {test.data || test.isError ? 'Test again' : 'Test connection'}
        </Button>
      </div>
      {test.isPending ? <p role="status" className="text-sm text-slate-600">Testing {envLabel}: AWS STS can take a few seconds…</p> : null}
      {test.isError ? <Alert tone="error">{errorMessage(test.error)}</Alert> : null}
      {test.data ? <Outcome result={test.data} /> : null}
      {test.isPending || test.data ? <Steps steps={steps} label={`Test connection steps for ${envLabel}`} /> : null}
    </div>
  );
}
