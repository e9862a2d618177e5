'use client';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/field';
import { NEGATED_OPERATOR, rowOperatorName, type BuilderProblem, type ConditionRow } from '@/lib/domain/trust-policy';
import type { ConditionKeyInfo } from './condition-keys';
import { isBaseOperator, OPERATOR_CHOICES, OPERATOR_EXPLANATION } from './operators';
import { ValueChips } from './value-chips';

type Qualifier = ConditionRow['qualifier'];

function problemText(problem: BuilderProblem, rowNumber: (id: string) => number): string {
  switch (problem.code) {
    case 'invalid_operator':
      return 'IAM has no such operator (Bool, Numeric… comparisons other than equals and Null cannot be negated; Null takes neither IfExists nor ForAnyValue/ForAllValues). This row is left out of the JSON.';
    case 'empty_values':
      return 'Add at least one value. Until then this row is left out of the JSON.';
    case 'empty_key':
      return 'Choose a key. Until then this row is left out of the JSON.';
    case 'duplicate_row':
      return problem.duplicateOf === 'audience'
        ? 'The audience setting above already writes this exact condition; this row is left out of the JSON. Remove it or change the audience.'
        : `Row ${rowNumber(problem.duplicateOf)} already uses this operator on this key, and IAM allows a key once per operator. Put the values into one row; this one is left out of the JSON.`;
  }
}

export function ConditionRowEditor({
  row,
  index,
  keys,
  problems,
  rowNumber,
  disabled,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  index: number;
  keys: readonly ConditionKeyInfo[];
  problems: readonly BuilderProblem[];
  rowNumber: (id: string) => number;
  disabled: boolean;
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const known = keys.find((k) => k.key.toLowerCase() === row.key.toLowerCase());
  const isNull = row.operator === 'Null';
  const canNegate = NEGATED_OPERATOR[row.operator] !== undefined;
  const name = rowOperatorName(row);
  const set = (patch: Partial<ConditionRow>) => onChange({ ...row, ...patch });
  /** Impossible or duplicate rows are errors; a row still being filled in is only incomplete. */
  const broken = problems.some((p) => p.code === 'invalid_operator' || p.code === 'duplicate_row');
  const rowLabel = (text: string) => (
    <>
      <span className="sr-only">{`Row ${n}: `}</span>
      {text}
    </>
  );
  return (
    <li className={cn('@container rounded-md border p-4', broken ? 'border-red-300 bg-red-50/40' : problems.length > 0 ? 'border-amber-300 bg-amber-50/30' : 'border-slate-200 bg-white')} aria-label={`Condition row ${n}`}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{n === 1 ? `Row ${n}` : `And row ${n}`}</p>
        {disabled ? null : (
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove row ${n}`}>
            Remove
          </Button>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 @2xl:grid-cols-2">
        <SelectField
          label={rowLabel('Key')}
          value={row.key}
          onChange={(e) => set({ key: e.target.value })}
          disabled={disabled}
          hint={
            row.key ? (
              <>
                <code className="block font-mono text-xs text-slate-700 wrap-anywhere">{row.key}</code>
                <span className="mt-0.5 block text-xs">{known?.explanation ?? 'AWS does not put this key into the request for tokens of this issuer, so the condition may never match.'}</span>
              </>
            ) : undefined
          }
        >
          {row.key === '' ? <option value="">Choose a key…</option> : null}
          {known ? null : row.key !== '' ? <option value={row.key}>{`${row.key} (not a key of this issuer)`}</option> : null}
          {keys.map((k) => (
            <option key={k.key} value={k.key}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <div className="space-y-3">
          <SelectField label={rowLabel('Operator')} value={row.operator} onChange={(e) => (isBaseOperator(e.target.value) ? set({ operator: e.target.value }) : undefined)} disabled={disabled}>
            {OPERATOR_CHOICES.map((op) => (
              <option key={op} value={op}>{`${op} — ${OPERATOR_EXPLANATION[op]}`}</option>
            ))}
          </SelectField>
          <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" className="size-4" checked={row.negated} disabled={disabled || (!canNegate && !row.negated)} onChange={(e) => set({ negated: e.target.checked })} />
              {rowLabel('Negate')}
              <span className="text-xs text-slate-500">{canNegate ? `(${NEGATED_OPERATOR[row.operator]})` : `(${row.operator} has no negated form)`}</span>
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" className="size-4" checked={row.ifExists} disabled={disabled || (isNull && !row.ifExists)} onChange={(e) => set({ ifExists: e.target.checked })} />
              {rowLabel('IfExists')}
              <span className="text-xs text-slate-500">(missing key matches)</span>
            </label>
          </div>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-800">{rowLabel('Multivalued key')}</span>
            <select
              className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-100"
              value={row.qualifier ?? ''}
              disabled={disabled || (isNull && row.qualifier === null)}
              onChange={(e) => set({ qualifier: (e.target.value === '' ? null : e.target.value) as Qualifier })}
            >
              <option value="">Single value (no set operator)</option>
              <option value="ForAnyValue">ForAnyValue — at least one request value matches</option>
              <option value="ForAllValues">ForAllValues — every request value matches (true when none)</option>
            </select>
          </label>
        </div>
      </div>
      <p className="mt-3 text-xs text-slate-600">
        Written as <code className="rounded bg-slate-100 px-1 font-mono text-slate-800">{name ?? 'no such operator'}</code>
        {name && row.ifExists ? ' — also true when the request has no such key.' : ''}
        {name && row.negated && !row.ifExists ? ' — true when no value matches, including when the key is missing.' : ''}
      </p>
      <div className="mt-3">
        <ValueChips values={row.values} operator={row.operator} onChange={(values) => set({ values })} disabled={disabled} label={`Row ${n}`} invalid={problems.some((p) => p.code === 'empty_values')} />
      </div>
      {problems.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" role="alert">
          {problems.map((p) => (
            <li key={p.code} className={p.code === 'invalid_operator' || p.code === 'duplicate_row' ? 'text-red-800' : 'text-amber-900'}>
              {problemText(p, rowNumber)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
