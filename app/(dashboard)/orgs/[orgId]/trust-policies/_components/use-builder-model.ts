'use client';
import { useState } from 'react';
import type { BuilderModel, ConditionRow } from '@/lib/domain/trust-policy';

let nextRowId = 0;
const newRowId = () => `new-row-${++nextRowId}`;
const rowsKey = (rows: readonly ConditionRow[]) => JSON.stringify(rows.map(({ id: _id, ...rest }) => rest));

/**
 * The builder's one piece of state: the model. `edited` says whether the rows differ from what the
 * last preset produced (applying another preset then asks first).
 */
export function useBuilderModel(initial: BuilderModel, fromPreset: boolean) {
  const [model, setModel] = useState<BuilderModel>(initial);
  const [presetRows, setPresetRows] = useState<string | null>(fromPreset ? rowsKey(initial.rows) : null);
  const edited = model.rows.length > 0 && rowsKey(model.rows) !== presetRows;

  const update = (patch: Partial<BuilderModel>) => setModel((m) => ({ ...m, ...patch }));
  const setRows = (change: (rows: ConditionRow[]) => ConditionRow[]) => setModel((m) => ({ ...m, rows: change(m.rows) }));

  return {
    model,
    edited,
    update,
    updateRow: (row: ConditionRow) => setRows((rows) => rows.map((r) => (r.id === row.id ? row : r))),
    removeRow: (id: string) => setRows((rows) => rows.filter((r) => r.id !== id)),
    addRow: (key: string) => setRows((rows) => [...rows, { id: newRowId(), key, operator: 'StringEquals', negated: false, ifExists: false, qualifier: null, values: [] }]),
    removePreserved: (index: number) => setModel((m) => ({ ...m, preserved: m.preserved.filter((_, i) => i !== index) })),
    /** A preset's rows, audience and provider; parts kept as written stay. */
    applyPreset: (next: BuilderModel) => {
      setModel((m) => ({ ...next, preserved: m.preserved }));
      setPresetRows(rowsKey(next.rows));
    },
    /** Import or lint fix: the whole model is replaced. */
    replace: (next: BuilderModel) => {
      setModel(next);
      setPresetRows(null);
    },
  };
}

export type BuilderState = ReturnType<typeof useBuilderModel>;
