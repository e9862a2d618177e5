'use client';
import { useState } from 'react';
import { apiNoContent } from '@/lib/client/api';
import { LogoutIcon } from '@/components/ui/icons';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await apiNoContent('/api/v1/auth/logout', { method: 'POST' });
        } finally {
          window.location.assign('/sign-in');
        }
      }}
      className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      <LogoutIcon />
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
