import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CopyField } from '@/components/ui/code-block';
import { CheckIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageOrgAccess } from '@/lib/server/auth/page-access';
import { getOrganization } from '@/lib/server/organizations/get-organization';
import { getOverview } from '@/lib/server/organizations/get-overview';

export const metadata: Metadata = { title: 'Overview' };

function Step({ done, title, children, href, cta }: { done: boolean; title: string; children: React.ReactNode; href: string; cta: string }) {
  return (
    <li className="flex flex-wrap gap-x-4 gap-y-2 py-4 sm:flex-nowrap">
      <span
        aria-hidden="true"
        className={done ? 'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-white' : 'mt-0.5 size-6 shrink-0 rounded-full border-2 border-slate-300'}
      >
        {done ? <CheckIcon /> : null}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">
          {title} <span className="sr-only">{done ? '(done)' : '(to do)'}</span>
        </p>
        <p className="mt-0.5 text-sm text-slate-600">{children}</p>
      </div>
      <Link href={href} className="ml-10 text-sm font-medium text-brand-700 hover:underline sm:ml-0 sm:self-center">
        {cta}
      </Link>
    </li>
  );
}

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
  const base = `/orgs/${orgId}`;
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
          <CardHeader title="Get started" description="Four steps from here to AWS credentials without a single static key." />
          <CardBody className="py-0">
            <ol className="divide-y divide-slate-100">
              <Step done={overview.environments > 0} title="Create a project and an environment" href={`${base}/environments`} cta="Environments">
                Environments are your workloads: a dev environment, a CI job, a deployment.
              </Step>
              <Step done={overview.activeTokens > 0} title="Give the environment a token" href={overview.firstEnvironmentId ? `${base}/environments/${overview.firstEnvironmentId}` : `${base}/environments`} cta="Tokens">
                The workload authenticates with it to get signed ID tokens for AWS.
              </Step>
              <Step done={false} title="Connect an AWS account" href={`${base}/aws`} cta="AWS setup">
                Create the IAM OIDC provider and a role whose trust policy names your environments.
              </Step>
              <Step done={false} title="Assume the role from the environment" href={`${base}/credentials`} cta="Credentials">
                <code className="font-mono text-xs">trustbridge idp login aws</code> writes short-lived credentials for the AWS CLI and SDKs.
              </Step>
            </ol>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Issuer" description="Paste these into AWS when you create the identity provider." />
          <CardBody className="space-y-4">
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Provider URL (issuer)</p>
              <CopyField value={org.issuer} label="Issuer URL" />
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
