'use client';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextAreaField } from '@/components/ui/field';
import { builderFromPolicy, parsePolicy, type BuilderModel, type PolicyError } from '@/lib/domain/trust-policy';

function where(e: PolicyError): string {
  const written = /\bline \d+/.test(e.message);
  const at = e.line !== undefined && !written ? `line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}` : null;
  return [at, e.path && e.path !== '$' ? e.path : null].filter(Boolean).join(' · ');
}

/** Paste IAM JSON: errors with line and column, or the policy as rows plus parts kept as written. */
export function ImportDialog({ open, issuer, onClose, onImport }: { open: boolean; issuer: string; onClose: () => void; onImport: (model: BuilderModel) => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<PolicyError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePolicy(text);
    if (!parsed.ok) return setErrors(parsed.errors);
    onImport(builderFromPolicy(parsed.policy, { issuer }).model);
    setText('');
    setErrors([]);
    onClose();
  };
  return (
    <Dialog open={open} onClose={onClose} title="Import a trust policy" description="Paste the role's trust policy JSON. It replaces what is in the builder; anything rows cannot express is kept as written.">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextAreaField label="Policy JSON to import" value={text} onChange={(e) => (setText(e.target.value), setErrors([]))} rows={14} spellCheck={false} autoFocus placeholder={'{\n  "Version": "2012-10-17",\n  "Statement": [ … ]\n}'} className="[&_textarea]:text-xs" />
        {errors.length > 0 ? (
          <Alert tone="error" title={errors.length === 1 ? 'The policy cannot be read' : `The policy cannot be read (${errors.length} problems)`}>
            <ul className="space-y-1">
              {errors.slice(0, 10).map((e, i) => (
                <li key={i}>
                  {where(e) ? <span className="font-mono text-xs">{where(e)}: </span> : null}
                  {e.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={text.trim() === ''}>
            Import
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
