import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsTabs } from './_components/settings-tabs';

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <>
      <PageHeader title="Settings" description="Organization details, members, and this organization's OpenID Connect issuer." />
      <SettingsTabs orgId={orgId} />
      {children}
    </>
  );
}
