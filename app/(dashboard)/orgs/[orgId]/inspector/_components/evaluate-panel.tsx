'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api';
import { evaluateToken, inspectorTargetsQuery } from '@/lib/client/queries/inspector';
import type { TEvaluateTokenBody } from '@/lib/schemas/inspector';
import { EvaluationResult } from './evaluation-result';

type Source = 'token' | 'environment';

/** "Would this role accept it?": the pasted token or an environment's claims, against a role, policy or credential. */
export function EvaluatePanel({ orgId, token, tokenReadable, envId, canBuild }: { orgId: string; token: string; tokenReadable: boolean; envId: string; canBuild: boolean }) {
  const targets = useQuery(inspectorTargetsQuery(orgId));
  const [source, setSource] = useState<Source>('token');
  const [target, setTarget] = useState('');
  const [pasted, setPasted] = useState('');
  const evaluate = useMutation({ mutationFn: (body: TEvaluateTokenBody) => evaluateToken(orgId, body) });
  const { reset } = evaluate;
  const sourceName = useId();
  // Follow what is available: an environment when no token is readable, the token once it is.
  useEffect(() => setSource(tokenReadable ? 'token' : envId ? 'environment' : 'token'), [tokenReadable, envId]);
  useEffect(() => reset(), [token, envId, source, target, pasted, reset]);

  const ready = (source === 'token' ? tokenReadable : envId !== '') && (target === 'paste' ? pasted.trim() !== '' : target !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const [kind, id = ''] = target.split(':');
    const what: Partial<TEvaluateTokenBody> =
      kind === 'role' ? { roleId: id } : kind === 'trust_policy' ? { trustPolicyId: id } : kind === 'credential' ? { credentialId: id } : { policy: pasted };
    evaluate.mutate({ ...(source === 'token' ? { token: token.trim() } : { environmentId: envId }), ...what });
  };
  const t = targets.data;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Evaluate</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name={sourceName} checked={source === 'token'} disabled={!tokenReadable} onChange={() => setSource('token')} />
            The pasted token{tokenReadable ? '' : ' (paste one above)'}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={sourceName} checked={source === 'environment'} disabled={!envId} onChange={() => setSource('environment')} />
            The chosen environment’s claims{envId ? '' : ' (choose one above)'}
          </label>
        </div>
      </fieldset>
      {targets.isError ? <Alert tone="error" title="Roles and policies could not be loaded">{errorMessage(targets.error)}</Alert> : null}
      <SelectField label="Against" value={target} onChange={(e) => setTarget(e.target.value)} disabled={targets.isPending} hint={targets.isPending ? 'Loading roles, trust policies and credentials…' : undefined}>
        <option value="">Choose a role, trust policy or credential…</option>
        {t && t.roles.length > 0 ? (
          <optgroup label="Recorded roles">
            {t.roles.map((r) => (
              <option key={r.id} value={`role:${r.id}`}>
                {r.name} ({r.accountId})
              </option>
            ))}
          </optgroup>
        ) : null}
        {t && t.trustPolicies.length > 0 ? (
          <optgroup label="Saved trust policies">
            {t.trustPolicies.map((p) => (
              <option key={p.id} value={`trust_policy:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {t && t.credentials.length > 0 ? (
          <optgroup label="Deployment credentials (their role)">
            {t.credentials.map((c) => (
              <option key={c.id} value={`credential:${c.id}`}>
                {c.name}
                {c.roleId ? '' : ' (role not recorded)'}
              </option>
            ))}
          </optgroup>
        ) : null}
        <option value="paste">Paste a trust policy…</option>
      </SelectField>
      {t && t.roles.length + t.trustPolicies.length + t.credentials.length === 0 ? <p className="text-sm text-slate-600">No roles, saved trust policies or credentials yet: paste a trust policy instead.</p> : null}
      {target === 'paste' ? (
        <TextAreaField label="Trust policy JSON" value={pasted} onChange={(e) => setPasted(e.target.value)} rows={8} spellCheck={false} placeholder={'{\n  "Version": "2012-10-17",\n  "Statement": [ … ]\n}'} className="[&_textarea]:text-xs" />
      ) : null}
      <Button type="submit" loading={evaluate.isPending} disabled={!ready}>
        Evaluate
      </Button>
      {evaluate.isError ? <Alert tone="error" title="Not evaluated">{errorMessage(evaluate.error)}</Alert> : null}
      {evaluate.data ? <EvaluationResult orgId={orgId} result={evaluate.data} canBuild={canBuild} /> : null}
    </form>
  );
}
