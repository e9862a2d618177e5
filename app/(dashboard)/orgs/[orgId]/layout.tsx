import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell/app-shell';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { listOrganizations } from '@/lib/server/organizations/list-organizations';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user } = await requirePageOrgAccess(orgId, 'organization.read', `/orgs/${orgId}`);
  const orgs = await listOrganizations(user.user.id, { limit: 200 });
  return (
    <AppShell orgId={orgId} organizations={orgs.items.map((o) => ({ id: o.id, name: o.name, role: o.role }))} user={{ name: user.user.name, email: user.user.email }}>
      {children}
    </AppShell>
  );
}
