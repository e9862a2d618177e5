import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Sticky at the bottom of the builder: whether there is anything to save, the Save button, and what
 * went wrong with the last save (shown here so it is visible wherever the page is scrolled).
 */
export function SaveBar({ dirty, saving, version, problems, message }: { dirty: boolean; saving: boolean; version: number | null; problems: number; message?: ReactNode }) {
  const status = version === null ? 'Not saved yet' : dirty ? 'Unsaved changes' : `All changes saved (version ${version})`;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-8 sm:px-8">
      {message}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="mr-auto text-sm text-slate-600" role="status">
          {status}
          {problems > 0 ? ` · ${problems} row problem${problems === 1 ? '' : 's'}: those rows are left out of the JSON` : ''}
        </p>
        <Button type="submit" loading={saving}>
          {version === null ? 'Save policy' : 'Save changes'}
        </Button>
      </div>
    </div>
  );
}
