'use client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CheckIcon } from '@/components/ui/icons';
import type { Severity } from '@/lib/domain/trust-policy';

/** A lint finding from the engine in the browser, or as the API returns it (rule ids as strings, no fix). */
interface ShownFinding {
  rule: string;
  severity: Severity;
  message: string;
  path: string;
  fix?: { title: string } | undefined;
}

const GROUPS: ReadonlyArray<{ severity: Severity; title: string; tone: 'red' | 'amber' | 'blue' }> = [
  { severity: 'error', title: 'Errors', tone: 'red' },
  { severity: 'warning', title: 'Warnings', tone: 'amber' },
  { severity: 'info', title: 'Notes', tone: 'blue' },
];

/**
 * Lint findings by severity, each with its rule id and JSON path, and a one-click fix where one exists.
 * With no findings it says what the lint checked (`checks`, from lintChecks with the same options) and
 * no more: an empty result vouches for those checks only.
 */
export function LintPanel<F extends ShownFinding>({ findings, checks, onApplyFix }: { findings: readonly F[]; checks: readonly string[]; onApplyFix?: ((finding: F) => void) | undefined }) {
  if (findings.length === 0) {
    return (
      <div role="status" className="flex items-start gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <span className="mt-0.5 rounded-full bg-emerald-100 p-1 text-emerald-700">
          <CheckIcon />
        </span>
        <div className="min-w-0">
          <span className="block font-medium">No findings from these checks</span>
          <ul className="mt-1 list-disc space-y-0.5 pl-4 wrap-anywhere">
            {checks.map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ul>
          <p className="mt-1.5 text-emerald-800">Not checked: the role&apos;s permissions, and whether the provider and role exist in your AWS account.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {GROUPS.map(({ severity, title, tone }) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section key={severity} aria-label={`${title} (${list.length})`}>
            <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-900">
              {title} <Badge tone={tone}>{list.length}</Badge>
            </h3>
            <ul className="space-y-2">
              {list.map((f, i) => (
                <li key={`${f.rule}-${f.path}-${i}`} className="rounded-md border border-slate-200 bg-white px-3 py-2.5" aria-label={`${f.rule}: ${f.message}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={tone}>{f.rule}</Badge>
                    <code className="break-all font-mono text-xs text-slate-500">{f.path}</code>
                  </div>
                  <p className="mt-1.5 text-sm text-slate-800 wrap-anywhere">{f.message}</p>
                  {f.fix && onApplyFix ? (
                    <div className="mt-2 flex flex-wrap items-center gap-2">
                      <Button size="sm" variant="secondary" onClick={() => onApplyFix(f)} aria-label={`Apply fix: ${f.fix.title}`}>
                        Apply fix
                      </Button>
                      <span className="text-xs text-slate-600">{f.fix.title}</span>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
