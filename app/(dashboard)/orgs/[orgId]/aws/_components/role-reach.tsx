import { Badge, stageTone } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { TReachSummary } from '@/lib/schemas/aws';

/** Environments as project/slug chips with their stage; "+N more" for those not shown. */
export function EnvironmentChips({ environments, more, label, className }: { environments: TReachSummary['admitted']; more: number; label: string; className?: string }) {
  return (
    <ul aria-label={label} className={cn('flex flex-wrap gap-1.5', className)}>
      {environments.map((env) => (
        <li key={env.id} className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-0.5 text-xs">
          <span className="font-mono text-slate-800 wrap-anywhere">
            {env.projectSlug}/{env.slug}
          </span>
          <Badge tone={stageTone(env.stage)}>{env.stage}</Badge>
        </li>
      ))}
      {more > 0 ? <li className="px-1.5 py-0.5 text-xs text-slate-600">+{more} more</li> : null}
    </ul>
  );
}

/** The environments a recorded role's trust policy admits, as the server computed them. */
export function RoleReach({ reach }: { reach: TReachSummary }) {
  if (reach.total === 0) return <p className="text-sm text-slate-600">This organization has no environments yet; create some and they are checked against the role&apos;s trust policy.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">
        Admits <strong>{reach.admittedCount}</strong> of {reach.total} environment{reach.total === 1 ? '' : 's'}.
      </p>
      {reach.admitted.length > 0 ? (
        <EnvironmentChips environments={reach.admitted} more={reach.admittedCount - reach.admitted.length} label="Admitted environments" />
      ) : (
        <p className="text-sm text-amber-800">No environment of this organization can assume it.</p>
      )}
    </div>
  );
}
