'use client';
import { useMemo } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { decodeJwt, explainClaims, explainHeader, tokenWarnings } from '@/lib/domain/jwt';
import { ClaimsTable } from './claims-table';
import { DecodeFailure } from './decode-failure';
import { countdown, localTime, useNow } from './time-format';

/** The token decoded in the browser as it is typed: no request, nothing stored. */
export function DecodedToken({ token }: { token: string }) {
  const decoded = useMemo(() => decodeJwt(token), [token]);
  const nowMs = useNow();
  if (!decoded.ok) return <DecodeFailure token={token} error={decoded.error} />;
  return <Decoded decoded={decoded} nowMs={nowMs} />;
}

function Decoded({ decoded, nowMs }: { decoded: Extract<ReturnType<typeof decodeJwt>, { ok: true }>; nowMs: number }) {
  const claims = useMemo(() => explainClaims(decoded.claims), [decoded]);
  const header = useMemo(() => explainHeader(decoded.header), [decoded]);
  const warnings = tokenWarnings(decoded.claims, decoded.length, Math.floor(nowMs / 1000));
  const exp = typeof decoded.claims.exp === 'number' && Number.isFinite(decoded.claims.exp) ? decoded.claims.exp : null;
  const remaining = exp === null ? null : exp - nowMs / 1000;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Decoded in your browser" description="Nothing was sent anywhere to decode it. The signature is not checked here; run the STS checks below for that." />
        <CardBody className="space-y-4">
          {warnings.length > 0 ? (
            <ul aria-label="Warnings" className="space-y-2">
              {warnings.map((w) => (
                <li key={w.id}>
                  <Alert tone={w.severity === 'error' ? 'error' : 'warning'}>{w.message}</Alert>
                </li>
              ))}
            </ul>
          ) : null}
          {decoded.duplicateKeys.length > 0 ? <Alert tone="error">Duplicate names: {decoded.duplicateKeys.map((d) => `"${d.key}" (${d.segment})`).join(', ')}. Readers disagree on which value counts; such a token is refused.</Alert> : null}
          {decoded.signatureProblem ? <Alert tone="error">{decoded.signatureProblem}</Alert> : null}
          <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
            {remaining === null ? (
              <p className="text-sm text-slate-700">No expiry (exp) to count down to.</p>
            ) : remaining > 0 ? (
              <p className="text-sm text-slate-700">
                Expires in{' '}
                <span role="timer" aria-label="Time until the token expires" className="font-mono text-lg font-semibold tabular-nums text-slate-900">
                  {countdown(remaining)}
                </span>
              </p>
            ) : (
              <p className="text-sm font-medium text-red-800" role="timer" aria-label="Time until the token expires">
                Expired {countdown(-remaining)} ago
              </p>
            )}
            {exp !== null ? <p className="text-sm text-slate-600">at {localTime(exp)}</p> : null}
            <p className="text-sm text-slate-600">{decoded.length} characters (STS accepts at most 20000)</p>
          </div>
          <ClaimsTable rows={claims} caption="Claims of the token" nowMs={nowMs} />
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-800">Header</h3>
            <ClaimsTable rows={header} caption="Header of the token" nowMs={nowMs} awsColumn={false} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <CodeBlock className="min-w-0" label="Header JSON" code={JSON.stringify(decoded.header, null, 2)} />
            <CodeBlock className="min-w-0" label="Claims JSON" code={JSON.stringify(decoded.claims, null, 2)} />
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
