'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export function SettingsTabs({ orgId }: { orgId: string }) {
  const pathname = usePathname();
  const base = `/orgs/${orgId}/settings`;
  const tabs = [
    { href: base, label: 'General' },
    { href: `${base}/issuer`, label: 'Issuer' },
    { href: `${base}/keys`, label: 'Signing keys' },
  ];
  return (
    <nav aria-label="Settings sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={cn('-mb-px border-b-2 px-4 py-2 text-sm font-medium', active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900')}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
