'use client';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Absolute date (in the reader's locale and time zone) with the ISO value as machine-readable text. */
export function DateTime({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <time dateTime={value} title={value} suppressHydrationWarning>
      {formatter.format(new Date(value))}
    </time>
  );
}
