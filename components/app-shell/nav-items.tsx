import type { ReactNode } from 'react';
import { CloudIcon, HomeIcon, KeyIcon, LayersIcon, ListIcon, SearchIcon, SettingsIcon, ShieldIcon } from '@/components/ui/icons';

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  exact?: boolean;
}

export function navItems(orgId: string): NavItem[] {
  const base = `/orgs/${orgId}`;
  return [
    { href: base, label: 'Overview', icon: <HomeIcon />, exact: true },
    { href: `${base}/environments`, label: 'Environments', icon: <LayersIcon /> },
    { href: `${base}/aws`, label: 'AWS setup', icon: <CloudIcon /> },
    { href: `${base}/trust-policies`, label: 'Trust policies', icon: <ShieldIcon /> },
    { href: `${base}/credentials`, label: 'Credentials', icon: <KeyIcon /> },
    { href: `${base}/inspector`, label: 'Inspector', icon: <SearchIcon /> },
    { href: `${base}/audit`, label: 'Audit log', icon: <ListIcon /> },
    { href: `${base}/settings`, label: 'Settings', icon: <SettingsIcon /> },
  ];
}
