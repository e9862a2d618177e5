import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import { STEPS, type Step } from '@/lib/client/aws-wizard';

export const STEP_TITLES: Record<Step, { title: string; text: string; heading: string }> = {
  provider: { title: 'Provider', text: 'The IAM OIDC provider for this issuer', heading: 'Provider: trust this issuer in an AWS account' },
  role: { title: 'Role', text: 'Which environments may assume it', heading: 'Role: who may assume it, and what it may do' },
  credential: { title: 'Credential', text: 'What workloads use', heading: 'Credential: hand the role to your workloads' },
  verify: { title: 'Verify', text: 'Read back from AWS, fix drift', heading: 'Verify: read back from AWS and fix drift' },
};

/** The four steps as links (each an address a reload comes back to), with done / current / to do in words. */
export function WizardSteps({ current, done, hrefOf }: { current: Step; done: Readonly<Record<Step, boolean>>; hrefOf: (step: Step) => string }) {
  return (
    <nav aria-label="Setup steps">
      <ol className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {STEPS.map((step, i) => {
          const active = step === current;
          return (
            <li key={step} className="min-w-0">
              <Link
                href={hrefOf(step)}
                aria-current={active ? 'step' : undefined}
                className={cn(
                  'flex h-full items-start gap-2.5 rounded-md border px-3 py-2.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600',
                  active ? 'border-brand-500 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50',
                )}
              >
                <span aria-hidden="true" className={cn('mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold', done[step] ? 'bg-emerald-600 text-white' : active ? 'bg-brand-600 text-white' : 'border-2 border-slate-300 text-slate-600')}>
                  {done[step] ? <CheckIcon /> : i + 1}
                </span>
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">
                    {STEP_TITLES[step].title} <span className="sr-only">({done[step] ? 'done' : 'to do'})</span>
                  </span>
                  <span className="block text-xs text-slate-600">{STEP_TITLES[step].text}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
