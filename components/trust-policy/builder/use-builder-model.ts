'use client';
import { useState } from 'react';
import type { BuilderModel, ConditionRow } from '@/lib/domain/trust-policy';
import type { TBuilderChoice } from '@/lib/schemas/trust-policy';

let nextRowId = 0;
const newRowId = () => `new-row-${++nextRowId}`;
const rowsKey = (rows: readonly ConditionRow[]) => JSON.stringify(rows.map(({ id: _id, ...rest }) => rest));

/**
 * The builder's one piece of state: the model. `edited` says whether the rows differ from what the
 * last preset produced (applying another preset then asks first). `choice` is the preset that
 * produced the rows, saved with the policy so that the builder reopens on it; rows edited since,
 * imported or fixed by lint are "custom".
 */
export function useBuilderModel(initial: BuilderModel, initialChoice: TBuilderChoice | null) {
  const [model, setModel] = useState<BuilderModel>(initial);
  const [presetRows, setPresetRows] = useState<string | null>(initialChoice && initialChoice.preset !== 'custom' ? rowsKey(initial.rows) : null);
  const [choice, setChoice] = useState<TBuilderChoice | null>(initialChoice);
  const edited = model.rows.length > 0 && rowsKey(model.rows) !== presetRows;

  const update = (patch: Partial<BuilderModel>) => setModel((m) => ({ ...m, ...patch }));
  const setRows = (change: (rows: ConditionRow[]) => ConditionRow[]) => setModel((m) => ({ ...m, rows: change(m.rows) }));

  return {
    model,
    edited,
    choice,
    /** What to save with the policy. */
    choiceToSave: (edited ? { preset: 'custom' } : choice) satisfies TBuilderChoice | null,
    update,
    updateRow: (row: ConditionRow) => setRows((rows) => rows.map((r) => (r.id === row.id ? row : r))),
    removeRow: (id: string) => setRows((rows) => rows.filter((r) => r.id !== id)),
    addRow: (key: string) => setRows((rows) => [...rows, { id: newRowId(), key, operator: 'StringEquals', negated: false, ifExists: false, qualifier: null, values: [] }]),
    removePreserved: (index: number) => setModel((m) => ({ ...m, preserved: m.preserved.filter((_, i) => i !== index) })),
    /** A preset's rows, audience and provider; parts kept as written stay. */
    applyPreset: (next: BuilderModel, applied: TBuilderChoice) => {
      setModel((m) => ({ ...next, preserved: m.preserved }));
      setPresetRows(rowsKey(next.rows));
      setChoice(applied);
    },
    /** Import or lint fix: the whole model is replaced. */
    replace: (next: BuilderModel) => {
      setModel(next);
      setPresetRows(null);
      setChoice(null);
    },
  };
}

export type BuilderState = ReturnType<typeof useBuilderModel>;
