import { cn } from './cn';

// Data tables fit a 390 px phone without scrolling sideways: cells are tighter there, and columns
// marked WIDE_ONLY give way — each table repeats their content under its main cell (`md:hidden`).

export const headCell = (extra = '') => cn('px-3 py-2.5 font-medium first:pl-5 last:pr-5 md:px-5', extra);
export const bodyCell = (extra = '') => cn('px-3 py-3 first:pl-5 last:pr-5 md:px-5', extra);
export const WIDE_ONLY = 'hidden md:table-cell';
/** The content of the WIDE_ONLY columns, under the main cell on phones. */
export const PHONE_ONLY = 'mt-1 block text-xs font-normal text-slate-500 md:hidden';
export const TABLE_HEAD = 'border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500';
