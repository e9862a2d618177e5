'use client';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { errorMessage } from '@/lib/client/api';
import { inspectToken } from '@/lib/client/queries/inspector';
import type { TInspectResult } from '@/lib/schemas/inspector';

/** The checks STS makes, run by the server against this organization's issuer and keys, on request. */
export function ServerChecks({ orgId, token }: { orgId: string; token: string }) {
  const run = useMutation({ mutationFn: (t: string) => inspectToken(orgId, t) });
  const { reset } = run;
  // A result belongs to the token it was run for.
  useEffect(() => reset(), [token, reset]);
  return (
    <Card>
      <CardHeader
        title="Would AWS STS accept it?"
        description="Structure, size, algorithm, this organization's issuer and published keys, the signature, audience and times — checked by the server. The token is sent once for this and not stored."
        actions={
          <Button onClick={() => run.mutate(token)} loading={run.isPending} disabled={token.trim() === ''}>
            Run the STS checks
          </Button>
        }
      />
      <CardBody>
        {run.isError ? <Alert tone="error" title="The checks could not run">{errorMessage(run.error)}</Alert> : null}
        {run.data ? <CheckList result={run.data} /> : !run.isError ? <p className="text-sm text-slate-600">Not run yet for this token.</p> : null}
      </CardBody>
    </Card>
  );
}

function CheckList({ result }: { result: TInspectResult }) {
  const failed = result.checks.filter((c) => !c.ok).length;
  return (
    <div className="space-y-3">
      <p role="status" className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        <Badge tone={result.ok ? 'green' : 'red'}>{result.ok ? 'Accepted' : 'Refused'}</Badge>
        {result.ok ? `All ${result.checks.length} checks pass.` : `${failed} of ${result.checks.length} checks fail.`}
      </p>
      <ul aria-label="STS checks" className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {result.checks.map((c) => (
          <li key={c.id} className="flex gap-3 px-3 py-2 text-sm">
            <span aria-hidden="true" className={`mt-0.5 w-4 shrink-0 font-bold ${c.ok ? 'text-emerald-600' : c.skipped ? 'text-slate-400' : 'text-red-600'}`}>
              {c.ok ? '✓' : c.skipped ? '–' : '✗'}
            </span>
            <div className="min-w-0">
              <p>
                <span className="font-mono font-semibold text-slate-900">{c.id}</span>{' '}
                <span className="sr-only">{c.ok ? 'passes' : c.skipped ? 'not checked' : 'fails'}:</span>
                <span className="break-words text-slate-700">{c.message}</span>
              </p>
              {!c.ok && c.fix ? <p className="mt-0.5 text-slate-600">Fix: {c.fix}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
