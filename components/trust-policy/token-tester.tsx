'use client';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { TextAreaField, TextField } from '@/components/ui/field';
import { decodeJwt } from '@/lib/domain/jwt';
import { deriveRequestFromClaims, describeFailure, evaluateWebIdentity, firstFailure, issuerKeyPrefix, type Policy } from '@/lib/domain/trust-policy';

const DECISION: Record<string, { tone: 'green' | 'red'; text: string }> = {
  Allow: { tone: 'green', text: 'Allowed — AWS would let this token assume the role (if the signature, issuer and audience check out).' },
  ImplicitDeny: { tone: 'red', text: 'Refused — no Allow statement matches this token.' },
  ExplicitDeny: { tone: 'red', text: 'Refused — a Deny statement matches this token.' },
};

/**
 * Paste an ID token: decoded in the browser (never sent, never put in a URL), turned into the
 * request STS would evaluate, and decided against the policy as it is now.
 */
export function TokenTester({ policy, accountId, issuer }: { policy: Policy; accountId: string; issuer: string }) {
  const [token, setToken] = useState('');
  const [sessionName, setSessionName] = useState('');
  const decoded = useMemo(() => (token.trim() ? decodeJwt(token) : null), [token]);
  const outcome = useMemo(() => {
    if (!decoded?.ok) return null;
    const iss = decoded.claims.iss;
    if (typeof iss !== 'string' || iss === '') return { kind: 'error', message: 'The token has no iss claim, so AWS cannot tell which provider issued it.' } as const;
    const request = deriveRequestFromClaims(decoded.claims, { issuer: iss, accountId, ...(sessionName.trim() ? { roleSessionName: sessionName.trim() } : {}) });
    const { result, refusedForTagSession } = evaluateWebIdentity(policy, request);
    return { kind: 'result', iss, request, result, refusedForTagSession, failure: firstFailure(result) } as const;
  }, [decoded, policy, accountId, sessionName]);
  const exp = decoded?.ok && typeof decoded.claims.exp === 'number' ? decoded.claims.exp : null;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_16rem]">
        <TextAreaField
          label="ID token (JWT)"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder="eyJhbGciOi…"
          className="[&_textarea]:text-xs"
          hint="Decoded in your browser only; it is not sent anywhere or stored. The signature is not checked here."
        />
        <TextField label="RoleSessionName (optional)" value={sessionName} onChange={(e) => setSessionName(e.target.value)} hint="Only matters if a row tests sts:RoleSessionName." autoComplete="off" />
      </div>
      {decoded && !decoded.ok ? <Alert tone="error" title="Not a readable JWT">{decoded.error.message}</Alert> : null}
      {outcome?.kind === 'error' ? <Alert tone="error">{outcome.message}</Alert> : null}
      {outcome?.kind === 'result' ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2" role="status">
            <Badge tone={DECISION[outcome.result.decision]?.tone ?? 'red'}>{outcome.result.decision}</Badge>
            <span className="text-sm font-medium text-slate-900">{DECISION[outcome.result.decision]?.text}</span>
          </div>
          {outcome.refusedForTagSession ? (
            <p className="text-sm text-slate-700">
              The token carries session tags, so AWS also checks <code className="font-mono text-xs">sts:TagSession</code> against this policy, and that check fails
              (sts:AssumeRoleWithWebIdentity alone would be allowed).
            </p>
          ) : null}
          {outcome.failure ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{describeFailure(outcome.failure)}</p> : null}
          {issuerKeyPrefix(outcome.iss) !== issuerKeyPrefix(issuer) ? <Alert tone="warning">This token was issued by {outcome.iss}, not by this organization ({issuer}).</Alert> : null}
          {exp !== null && exp * 1000 < Date.now() ? <Alert tone="warning">The token expired at {new Date(exp * 1000).toLocaleString()}; STS would answer ExpiredTokenException before looking at the policy.</Alert> : null}
          <div>
            <p className="mb-1 text-sm font-medium text-slate-800">What AWS sees (request context)</p>
            <div className="overflow-x-auto rounded-md border border-slate-200">
              <table className="w-full text-left text-xs">
                <caption className="sr-only">Request derived from the token</caption>
                <tbody className="divide-y divide-slate-100">
                  <tr>
                    <th scope="row" className="w-2/5 whitespace-nowrap px-3 py-1.5 font-medium text-slate-600">Principal</th>
                    <td className="break-all px-3 py-1.5 font-mono">{outcome.request.principal}</td>
                  </tr>
                  <tr>
                    <th scope="row" className="whitespace-nowrap px-3 py-1.5 font-medium text-slate-600">Action</th>
                    <td className="break-all px-3 py-1.5 font-mono">{outcome.request.action}</td>
                  </tr>
                  {Object.entries(outcome.request.context).map(([key, value]) => (
                    <tr key={key}>
                      <th scope="row" className="break-all px-3 py-1.5 font-mono font-normal text-slate-600">{key}</th>
                      <td className="break-all px-3 py-1.5 font-mono">{Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="mt-1 text-xs text-slate-500">Other claims (project_slug, environment_stage…) are not visible to AWS trust policies.</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
