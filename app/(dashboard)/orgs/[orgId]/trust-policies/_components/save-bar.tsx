import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { SaveBar as StickySaveBar } from '@/components/ui/save-bar';

/**
 * Sticky at the bottom of the builder: whether there is anything to save, the Save button, and what
 * went wrong with the last save (shown here so it is visible wherever the page is scrolled).
 */
export function SaveBar({ dirty, saving, version, problems, message }: { dirty: boolean; saving: boolean; version: number | null; problems: number; message?: ReactNode }) {
  const status = version === null ? 'Not saved yet' : dirty ? 'Unsaved changes' : `All changes saved (version ${version})`;
  return (
    <StickySaveBar status={`${status}${problems > 0 ? ` · ${problems} row problem${problems === 1 ? '' : 's'}: those rows are left out of the JSON` : ''}`} message={message}>
      <Button type="submit" loading={saving}>
        {version === null ? 'Save policy' : 'Save changes'}
      </Button>
    </StickySaveBar>
  );
}
