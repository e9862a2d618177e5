import Link from 'next/link';
import type { ReactNode } from 'react';
import { CopyField } from '@/components/ui/code-block';
import { CheckIcon } from '@/components/ui/icons';
import { issuerUrlProblems } from '@/lib/domain/issuer/issuer-url';
import type { OrganizationOverview } from '@/lib/server/organizations/get-overview';

interface Step {
  title: string;
  done: boolean;
  href: string;
  cta: string;
  body: ReactNode;
}

/** The journey from a new organization to AWS credentials in a workload, each step done or to do. */
export function journeySteps(orgId: string, issuer: string, overview: OrganizationOverview): Step[] {
  const base = `/orgs/${orgId}`;
  const { journey } = overview;
  const issuerOk = issuerUrlProblems(issuer).length === 0;
  return [
    {
      title: 'Give AWS an issuer URL it can trust',
      done: issuerOk,
      href: `${base}/settings/issuer`,
      cta: 'Issuer settings',
      body: issuerOk ? 'Your issuer URL is https, has no port and names a public host.' : 'AWS trusts only an https URL without a port on a host it can reach; yours is not one yet (see Issuer).',
    },
    {
      title: 'Create the OIDC provider and a role in AWS',
      done: journey.awsProviders > 0 && journey.awsRoles > 0,
      href: `${base}/aws`,
      cta: 'AWS setup',
      body: 'The wizard creates them through the IAM API, or gives you console steps, CLI commands, CloudFormation and Terraform.',
    },
    {
      title: 'Write the role’s trust policy',
      done: journey.trustPolicies > 0,
      href: journey.trustPolicies > 0 ? `${base}/trust-policies` : `${base}/trust-policies/new`,
      cta: journey.trustPolicies > 0 ? 'Trust policies' : 'Trust policy builder',
      body: 'Say which environments may assume the role, see which ones it lets in, and test it with a real token.',
    },
    {
      title: 'Store a deployment credential',
      done: journey.credentials > 0,
      href: `${base}/credentials`,
      cta: 'Credentials',
      body: 'The role ARN and session duration workloads use: for the organization, a project or one environment.',
    },
    {
      title: 'Give an environment a token',
      done: overview.activeTokens > 0,
      href: overview.firstEnvironmentId ? `${base}/environments/${overview.firstEnvironmentId}` : `${base}/environments`,
      cta: overview.firstEnvironmentId ? 'Tokens' : 'Environments',
      body: overview.firstEnvironmentId ? 'The workload authenticates with it to get signed ID tokens for AWS.' : 'Create a project and an environment (a dev environment, a CI job, a deployment), then give it a token.',
    },
    {
      title: 'Get AWS credentials in the workload',
      done: journey.usedTokens > 0,
      href: `${base}/inspector`,
      cta: 'Inspector',
      body: (
        <>
          <span className="mb-1.5 block">With TRUSTBRIDGE_URL and TRUSTBRIDGE_TOKEN set, this writes short-lived credentials for the AWS CLI and SDKs (done once a workload has used its token). If AWS refuses, the Inspector says why.</span>
          <CopyField value="trustbridge idp login aws" label="Command" />
        </>
      ),
    },
  ];
}

export function GetStarted({ steps }: { steps: Step[] }) {
  return (
    <ol aria-label="Get started" className="divide-y divide-slate-100">
      {steps.map((step) => (
        <li key={step.title} className="grid grid-cols-[1.5rem_minmax(0,1fr)] gap-x-4 gap-y-2 py-4 sm:grid-cols-[1.5rem_minmax(0,1fr)_auto]">
          <span
            aria-hidden="true"
            className={step.done ? 'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-white' : 'mt-0.5 size-6 shrink-0 rounded-full border-2 border-slate-300'}
          >
            {step.done ? <CheckIcon /> : null}
          </span>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              <span>{step.title}</span> <span className="sr-only">{step.done ? '(done)' : '(to do)'}</span>
            </p>
            <div className="mt-0.5 text-sm text-slate-600">{step.body}</div>
          </div>
          <Link href={step.href} className="col-start-2 justify-self-start text-sm font-medium text-brand-700 hover:underline sm:col-start-3 sm:self-center sm:whitespace-nowrap">
            {step.cta}
          </Link>
        </li>
      ))}
    </ol>
  );
}
