import type { Metadata } from 'next';
import { IssuerUrlWarning } from '@/components/issuer/issuer-url-warning';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyField } from '@/components/ui/code-block';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getOrganization } from '@/lib/server/organizations/get-organization';
import { getOverview } from '@/lib/server/organizations/get-overview';
import { GetStarted, journeySteps } from './_components/get-started';

export const metadata: Metadata = { title: 'Overview' };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await requirePageOrgAccess(orgId, 'organization.read', `/orgs/${orgId}`);
  const [org, overview] = await Promise.all([getOrganization(access), getOverview(access)]);
  const steps = journeySteps(orgId, org.issuer, overview);
  return (
    <>
      <PageHeader title={org.name} description="Your organization's own OpenID Connect issuer. AWS trusts it through an IAM OIDC provider; roles decide which environments may assume them." />
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Projects" value={overview.projects} />
        <Stat label="Environments" value={overview.environments} />
        <Stat label="Active tokens" value={overview.activeTokens} />
        <Stat label="Members" value={overview.members} />
      </dl>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader title="Get started" description="From here to AWS credentials in a workload, without a single static key." />
          <CardBody className="py-0">
            <GetStarted steps={steps} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Issuer" description="Paste these into AWS when you create the identity provider." />
          <CardBody className="space-y-4">
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Provider URL (issuer)</p>
              <CopyField value={org.issuer} label="Issuer URL" />
              <IssuerUrlWarning issuer={org.issuer} className="mt-3" />
            </div>
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Audience</p>
              <CopyField value="sts.amazonaws.com" label="Audience" />
            </div>
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Discovery document</p>
              <CopyField value={`${org.issuer}/.well-known/openid-configuration`} label="Discovery URL" />
            </div>
            <p className="text-xs text-slate-500">
              Organization id <code className="font-mono">{org.id}</code> — permanent and never reused, so a role trusting this issuer can never be inherited by another organization.
            </p>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
