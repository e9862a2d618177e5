import { cn } from './cn';
import { CopyButton } from './copy-button';

/** A value the user must paste elsewhere: monospace, selectable, with a copy button. */
export function CopyField({ value, label, className }: { value: string; label: string; className?: string }) {
  return (
    <div className={cn('flex items-start gap-2', className)}>
      <code aria-label={label} className="min-w-0 flex-1 break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 font-mono text-sm text-slate-800">
        {value}
      </code>
      <CopyButton value={value} label="Copy" />
    </div>
  );
}

export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className={cn('relative', className)}>
      <pre aria-label={label} className="overflow-x-auto rounded-md bg-slate-900 p-4 pr-24 font-mono text-sm leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
      <div className="absolute right-2 top-2">
        <CopyButton value={code} />
      </div>
    </div>
  );
}
