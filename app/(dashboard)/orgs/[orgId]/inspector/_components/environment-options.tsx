import type { TPolicyContext } from '@/lib/schemas/trust-policy';

/** The `<option>`s of an environment picker: "project / environment (stage)". */
export function EnvironmentOptions({ environments }: { environments: TPolicyContext['environments'] }) {
  return (
    <>
      <option value="">Choose an environment…</option>
      {environments.map((e) => (
        <option key={e.id} value={e.id}>
          {e.projectSlug} / {e.slug} ({e.stage})
        </option>
      ))}
    </>
  );
}
