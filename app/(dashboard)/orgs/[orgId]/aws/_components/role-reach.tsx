import { Badge, stageTone } from '@/components/ui/badge';
import type { TReachSummary } from '@/lib/schemas/aws';

/** The environments a recorded role's trust policy admits, as the server computed them. */
export function RoleReach({ reach, shown = 100 }: { reach: TReachSummary; shown?: number }) {
  if (reach.total === 0) return <p className="text-sm text-slate-600">This organization has no environments yet; create some and they are checked against the role&apos;s trust policy.</p>;
  const list = reach.admitted.slice(0, shown);
  const more = reach.admittedCount - list.length;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">
        Admits <strong>{reach.admittedCount}</strong> of {reach.total} environment{reach.total === 1 ? '' : 's'}.
      </p>
      {list.length > 0 ? (
        <ul aria-label="Admitted environments" className="flex flex-wrap gap-1.5">
          {list.map((env) => (
            <li key={env.id} className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs">
              <span className="font-mono text-slate-800 wrap-anywhere">
                {env.projectSlug}/{env.slug}
              </span>
              <Badge tone={stageTone(env.stage)}>{env.stage}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-amber-800">No environment of this organization can assume it.</p>
      )}
      {more > 0 || reach.truncated ? <p className="text-xs text-slate-600">…and {Math.max(more, 0) || 'more'} more.</p> : null}
    </div>
  );
}
