'use client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { DEFAULT_TRUST_POLICY_QUOTA, MAX_TRUST_POLICY_QUOTA } from '@/lib/domain/trust-policy';

function download(json: string) {
  const url = URL.createObjectURL(new Blob([`${json}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'trust-policy.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** IAM counts the policy without white space against the role trust policy quota (2048, raisable to 4096). */
export function PolicySize({ size }: { size: number }) {
  const tone = size > MAX_TRUST_POLICY_QUOTA ? 'red' : size > DEFAULT_TRUST_POLICY_QUOTA ? 'amber' : 'green';
  const note = size > MAX_TRUST_POLICY_QUOTA ? 'over the 4096 maximum: IAM refuses it' : size > DEFAULT_TRUST_POLICY_QUOTA ? 'over the default 2048 quota: request an increase (up to 4096)' : 'within the default quota';
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600" aria-label="Policy size">
      <Badge tone={tone}>{`${size} / ${DEFAULT_TRUST_POLICY_QUOTA}`}</Badge>
      <span>
        characters without white space — {note} (maximum {MAX_TRUST_POLICY_QUOTA}). Downloads as trust-policy.json.
      </span>
    </p>
  );
}

/** The live policy: what to paste into the role's trust relationship. */
export function PolicyJson({ json, size }: { json: string; size: number }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <CopyButton value={json} label="Copy JSON" />
        <Button size="sm" variant="secondary" onClick={() => download(json)}>
          Download JSON
        </Button>
      </div>
      <PolicySize size={size} />
      <pre aria-label="Trust policy JSON" tabIndex={0} className="overflow-auto whitespace-pre-wrap rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100 wrap-anywhere">
        <code>{json}</code>
      </pre>
    </div>
  );
}
