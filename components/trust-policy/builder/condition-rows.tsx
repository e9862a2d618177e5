'use client';
import { useMemo } from 'react';
import { ConditionRowEditor } from '@/components/trust-policy/condition-row-editor';
import { conditionKeys } from '@/components/trust-policy/condition-keys';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { BuilderProblem } from '@/lib/domain/trust-policy';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import type { BuilderState } from './use-builder-model';

/** Rows of key · operator · values. AWS ANDs the rows and ORs the values of a row. */
export function ConditionRows({ context, state, problems, disabled }: { context: TPolicyContext; state: BuilderState; problems: readonly BuilderProblem[]; disabled: boolean }) {
  const keys = useMemo(() => conditionKeys(context.issuer, context.sessionTags), [context.issuer, context.sessionTags]);
  const rows = state.model.rows;
  const rowNumber = (id: string) => rows.findIndex((r) => r.id === id) + 1;
  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">
          No condition rows: every token this provider accepts could assume the role. Apply a preset or add a row on sub.
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Condition rows">
          {rows.map((row, i) => (
            <ConditionRowEditor
              key={row.id}
              row={row}
              index={i}
              keys={keys}
              problems={problems.filter((p) => p.rowId === row.id)}
              rowNumber={rowNumber}
              disabled={disabled}
              onChange={state.updateRow}
              onRemove={() => state.removeRow(row.id)}
            />
          ))}
        </ol>
      )}
      {disabled ? null : (
        <Button variant="secondary" size="sm" onClick={() => state.addRow('')}>
          <PlusIcon /> Add row
        </Button>
      )}
      <p className="text-xs text-slate-500">All rows must hold (AND); within a row, any one value may match (OR).</p>
    </div>
  );
}
