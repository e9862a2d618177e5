import type { ReactNode } from 'react';
import { Logo } from '@/components/ui/icons';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex items-center justify-center gap-3">
          <Logo className="size-9" />
          <span className="text-2xl font-semibold tracking-tight text-slate-900">Trustbridge</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
        <p className="mt-6 text-center text-xs text-slate-500">Keyless AWS access for your environments, through OpenID Connect.</p>
      </div>
    </main>
  );
}
