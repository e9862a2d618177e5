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

/**
 * Text to copy as a whole (commands, JSON). The Copy button sits in a bar above the text, never
 * over it, and long lines wrap instead of running out of sight (a token must be readable whole).
 */
export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <div className={cn('overflow-hidden rounded-md bg-slate-900', className)}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-700 py-1.5 pl-4 pr-1.5">
        <span aria-hidden="true" className="text-xs font-medium text-slate-400">
          {label}
        </span>
        <CopyButton value={code} />
      </div>
      <pre aria-label={label} className="whitespace-pre-wrap p-4 font-mono text-sm leading-relaxed text-slate-100 wrap-anywhere">
        <code>{code}</code>
      </pre>
    </div>
  );
}
