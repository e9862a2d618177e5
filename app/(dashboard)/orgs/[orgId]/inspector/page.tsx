import type { Metadata } from 'next';
import { CapabilityPreview } from '@/components/capability-preview';

export const metadata: Metadata = { title: 'Inspector' };

export default async function InspectorPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <CapabilityPreview
      title="Claim inspector"
      description="Paste an ID token: see its claims decoded live, whether AWS STS would accept it, and which trust-policy condition refuses it."
      steps={['Decode header and claims in the browser, with times in your time zone and an expiry countdown.', 'Check signature, algorithm, issuer, audience and size the way STS does.', 'Evaluate it against a role and name the failing condition.']}
      prepare={{ href: `/orgs/${orgId}/environments`, label: 'create an environment to inspect' }}
    />
  );
}
