'use client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { PreservedPart } from '@/lib/domain/trust-policy';

function title(part: PreservedPart): string {
  switch (part.kind) {
    case 'statement':
      return `Statement ${part.position + 1} (${part.statement.effect}${part.statement.sid ? `, Sid ${part.statement.sid}` : ''})`;
    case 'statement-field':
      return `${part.field} of the builder's statement`;
    case 'condition':
      return `Condition ${part.operator} on ${part.entry.key}`;
    case 'policy-field':
      return `Policy field ${part.field}`;
  }
}

function why(part: PreservedPart): string {
  switch (part.kind) {
    case 'statement':
      return 'The builder edits one Allow statement for this provider; other statements are kept and evaluated as written.';
    case 'statement-field':
      return 'Rows have no place for this field; it stays on the statement.';
    case 'condition':
      return 'Rows cannot express this condition (an operator or values they do not support); it stays in the statement.';
    case 'policy-field':
      return 'Kept at the top of the policy.';
  }
}

/** What rows cannot express, shown verbatim. Read-only; an admin may drop a part. */
export function PreservedParts({ parts, onRemove }: { parts: readonly PreservedPart[]; onRemove?: ((index: number) => void) | undefined }) {
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="preserved-heading" className="space-y-3">
      <div>
        <h3 id="preserved-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          Kept as written <Badge tone="violet">{parts.length}</Badge>
        </h3>
        <p className="text-sm text-slate-600">These parts of the policy cannot be shown as rows. They are read-only here and are saved exactly as written.</p>
      </div>
      <ul className="space-y-3">
        {parts.map((part, i) => (
          <li key={`${part.kind}-${i}`} className="rounded-md border border-violet-200 bg-violet-50/40">
            <div className="flex items-start justify-between gap-2 px-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900 wrap-anywhere">{title(part)}</p>
                <p className="text-xs text-slate-600">{why(part)}</p>
              </div>
              {onRemove ? (
                <Button size="sm" variant="ghost" onClick={() => onRemove(i)} aria-label={`Remove kept part: ${title(part)}`}>
                  Remove
                </Button>
              ) : null}
            </div>
            <pre aria-label={`Kept as written: ${title(part)}`} className="max-h-80 overflow-auto whitespace-pre-wrap border-t border-violet-200 bg-white px-3 py-2 font-mono text-xs leading-relaxed text-slate-800 wrap-anywhere">
              {JSON.stringify(part.json, null, 2)}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
