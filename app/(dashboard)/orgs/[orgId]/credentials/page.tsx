import type { Metadata } from 'next';
import { CapabilityPreview } from '@/components/capability-preview';

export const metadata: Metadata = { title: 'Credentials' };

export default async function CredentialsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <CapabilityPreview
      title="Deployment credentials"
      description="Which role each environment assumes and for how long: organization and project defaults, with per-environment role-ARN overrides."
      steps={['Store a role ARN and session duration per organization or project.', 'Override the role for a single environment.', 'Test the connection: mint a token, pre-check the trust policy, call STS, explain the result.']}
      prepare={{ href: `/orgs/${orgId}/environments`, label: 'create environment tokens for your workloads' }}
    />
  );
}
