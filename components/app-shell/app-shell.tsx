'use client';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Logo, MenuIcon } from '@/components/ui/icons';
import { cn } from '@/components/ui/cn';
import { OrgSwitcher, type OrgChoice } from './org-switcher';
import { SidebarNav } from './sidebar-nav';
import { SignOutButton } from './sign-out-button';

export function AppShell({ orgId, organizations, user, children }: { orgId: string; organizations: OrgChoice[]; user: { name: string; email: string }; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const sidebar = (
    <div className="flex h-full flex-col gap-6 px-4 py-5">
      <Link href={`/orgs/${orgId}`} className="flex items-center gap-2.5 px-1 text-lg font-semibold text-slate-900">
        <Logo />
        Trustbridge
      </Link>
      <OrgSwitcher current={orgId} organizations={organizations} />
      <SidebarNav orgId={orgId} onNavigate={() => setMenuOpen(false)} />
      <div className="mt-auto border-t border-slate-200 pt-4">
        <p className="truncate px-3 text-sm font-medium text-slate-900">{user.name}</p>
        <p className="mb-2 truncate px-3 text-xs text-slate-500">{user.email}</p>
        <SignOutButton />
      </div>
    </div>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <span className="flex items-center gap-2 font-semibold">
          <Logo className="size-6" /> Trustbridge
        </span>
        <button type="button" aria-expanded={menuOpen} aria-controls="mobile-nav" onClick={() => setMenuOpen((v) => !v)} className="rounded-md p-2 hover:bg-slate-100">
          <MenuIcon />
          <span className="sr-only">Menu</span>
        </button>
      </header>
      <aside id="mobile-nav" className={cn('border-r border-slate-200 bg-white lg:block lg:min-h-screen', menuOpen ? 'block' : 'hidden')}>
        {sidebar}
      </aside>
      <main id="main" className="min-w-0 px-4 py-6 sm:px-8 sm:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
