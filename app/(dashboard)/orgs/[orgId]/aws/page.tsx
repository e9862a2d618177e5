import type { Metadata } from 'next';
import { CapabilityPreview } from '@/components/capability-preview';

export const metadata: Metadata = { title: 'AWS setup' };

export default async function AwsSetupPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <CapabilityPreview
      title="AWS setup"
      description="Create the IAM OIDC identity provider and a role in your AWS account — by Trustbridge through the IAM API, or by hand from generated console steps, CLI commands, CloudFormation or Terraform."
      steps={[
        'Provider: the issuer URL of this organization with the audience sts.amazonaws.com.',
        'Role: a trust policy built visually, checked by the evaluator before it reaches AWS.',
        'Verify: read the provider and role back from AWS and show any drift.',
      ]}
      prepare={{ href: `/orgs/${orgId}`, label: 'copy the issuer URL and audience from the Overview' }}
    />
  );
}
