'use client';
import { INVISIBLE_CLAIMS_NOTE, type ClaimExplanation } from '@/lib/domain/jwt';
import { localTime, relativeTime } from './time-format';

// Each claim (or header parameter) with its value, what it means, and the condition key AWS makes
// of it. A table on wide screens; on a phone every row stacks, so nothing overflows.

const MAX_ROWS = 200;
const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp']);

function Value({ row, nowMs }: { row: ClaimExplanation; nowMs: number }) {
  if (TIME_CLAIMS.has(row.name) && typeof row.value === 'number' && Number.isFinite(row.value)) {
    return (
      <>
        <span className="font-mono">{row.value}</span>
        <span className="block text-slate-700">{localTime(row.value)}</span>
        <span className="block text-xs text-slate-500">{relativeTime(row.value, nowMs)}</span>
      </>
    );
  }
  const text = typeof row.value === 'string' ? row.value : JSON.stringify(row.value, null, 1);
  return <span className="whitespace-pre-wrap break-all font-mono">{text && text.length > 600 ? `${text.slice(0, 600)}…` : text}</span>;
}

export function ClaimsTable({ rows, caption, nowMs, awsColumn = true }: { rows: ClaimExplanation[]; caption: string; nowMs: number; awsColumn?: boolean }) {
  const shown = rows.slice(0, MAX_ROWS);
  const cell = 'block px-3 py-1 md:table-cell md:py-2 md:align-top';
  return (
    <div className="rounded-md border border-slate-200">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-600 md:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Value</th>
            <th scope="col" className="px-3 py-2 font-medium">What it means</th>
            {awsColumn ? <th scope="col" className="px-3 py-2 font-medium">In AWS</th> : null}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 md:table-row-group">
          {shown.map((row) => (
            <tr key={row.name} className="block py-2 md:table-row md:py-0">
              <th scope="row" className={`${cell} break-all font-mono font-semibold text-slate-900 md:w-40`}>
                {row.name}
              </th>
              <td className={`${cell} text-slate-800 md:max-w-xs`}>
                <Value row={row} nowMs={nowMs} />
              </td>
              <td className={`${cell} text-slate-600`}>{row.meaning}</td>
              {awsColumn ? (
                <td className={`${cell} md:w-64`}>
                  {row.awsKeys.length > 0 ? (
                    <ul className="space-y-1">
                      {row.awsKeys.map((k) => (
                        <li key={k}>
                          <code className="break-all rounded bg-brand-50 px-1.5 py-0.5 font-mono text-xs text-brand-700">{k}</code>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-xs text-slate-500">Not visible to trust policies</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS ? <p className="px-3 py-2 text-xs text-slate-500">{rows.length - MAX_ROWS} more not shown.</p> : null}
      {awsColumn ? <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">{INVISIBLE_CLAIMS_NOTE}</p> : null}
    </div>
  );
}
