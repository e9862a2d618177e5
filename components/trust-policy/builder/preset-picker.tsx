'use client';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/field';
import { PRESET_IDS, PRESETS, type BuilderModel, type PresetId } from '@/lib/domain/trust-policy';
import type { TBuilderChoice, TPolicyContext } from '@/lib/schemas/trust-policy';
import { PRESET_LABELS, presetContext } from './builder-context';
import { EnvironmentChooser } from './environment-chooser';

/**
 * Presets replace the rows (asking first when they were edited) and say why they chose their form.
 * The picker opens on the choice saved with the policy, if any.
 */
export function PresetPicker({ context, model, edited, initial, onApply }: { context: TPolicyContext; model: BuilderModel; edited: boolean; initial: TBuilderChoice | null; onApply: (next: BuilderModel, choice: TBuilderChoice) => void }) {
  const [preset, setPreset] = useState<PresetId>(initial?.preset ?? 'this-organization');
  const projects = useMemo(() => [...new Set(context.environments.map((e) => e.projectSlug))].sort(), [context.environments]);
  const [projectSlug, setProjectSlug] = useState(initial?.projectSlug && projects.includes(initial.projectSlug) ? initial.projectSlug : (projects[0] ?? ''));
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial?.environmentIds ?? []));
  const [confirming, setConfirming] = useState(false);

  const build = () => PRESETS[preset](presetContext(context, model, { projectSlug, environmentIds: [...chosen] }));
  const apply = () => {
    const choice: TBuilderChoice = preset === 'this-project' ? { preset, projectSlug } : preset === 'these-environments' ? { preset, environmentIds: [...chosen].sort() } : { preset };
    onApply(build(), choice);
    setConfirming(false);
  };
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Start from a preset</legend>
        <div className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-3">
          {PRESET_IDS.map((id) => (
            <label key={id} className={cn('flex cursor-pointer gap-2.5 rounded-md border px-3 py-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600', preset === id ? 'border-brand-500 bg-brand-50' : 'border-slate-200 bg-white hover:bg-slate-50')}>
              <input type="radio" name="preset" value={id} checked={preset === id} onChange={() => setPreset(id)} className="mt-0.5 size-4" />
              <span>
                <span className="block font-medium text-slate-900">{PRESET_LABELS[id].title}</span>
                <span className="block text-xs text-slate-600">{PRESET_LABELS[id].description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {preset === 'this-project' ? (
        projects.length === 0 ? (
          <p className="text-sm text-slate-600">No project has environments yet.</p>
        ) : (
          <SelectField label="Project" value={projectSlug} onChange={(e) => setProjectSlug(e.target.value)} className="max-w-sm">
            {projects.map((slug) => (
              <option key={slug} value={slug}>
                {slug}
              </option>
            ))}
          </SelectField>
        )
      ) : null}
      {preset === 'these-environments' ? <EnvironmentChooser environments={context.environments} selected={chosen} onChange={setChosen} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => (edited ? setConfirming(true) : apply())}>
          Apply preset
        </Button>
        <span className="text-xs text-slate-600">Replaces the condition rows{model.preserved.length > 0 ? '; parts kept as written stay' : ''}.</span>
      </div>
      {model.note && !edited ? (
        <Alert tone="info" title="About this preset">
          {model.note}
        </Alert>
      ) : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Replace your condition rows?" description={`You changed the rows since they were last set. "${PRESET_LABELS[preset].title}" replaces all ${model.rows.length} of them.`}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep my rows
          </Button>
          <Button onClick={apply}>Replace rows</Button>
        </div>
      </Dialog>
    </div>
  );
}
