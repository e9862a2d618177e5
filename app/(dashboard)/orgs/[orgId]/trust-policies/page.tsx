import type { Metadata } from 'next';
import { CapabilityPreview } from '@/components/capability-preview';

export const metadata: Metadata = { title: 'Trust policies' };

export default async function TrustPoliciesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <CapabilityPreview
      title="Trust policies"
      description="Say which environments may assume a role, visually, and see exactly which ones the policy admits — evaluated the way AWS evaluates it."
      steps={['Start from a preset: this organization, a project, chosen environments, or all production environments.', 'Edit condition rows and watch the JSON and the reach preview change.', 'Fix what the linter flags before AWS refuses it.']}
      prepare={{ href: `/orgs/${orgId}/environments`, label: 'create the environments your roles will trust' }}
    />
  );
}
