'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { CloudIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { LoadFailed } from '@/components/ui/load-failed';
import { isStepDone, locate, NEW, wizardHref, type Step, type WizardParams } from '@/lib/client/aws-wizard';
import { awsProvidersQuery, awsRolesQuery, awsTrustChainQuery } from '@/lib/client/queries/aws';
import { issuerQuery } from '@/lib/client/queries/issuer';
import type { TAwsProvider, TAwsRole } from '@/lib/schemas/aws';
import { CredentialStep } from './credential-step';
import { ProviderStep } from './provider-step';
import { RecordsList } from './records-list';
import { RoleStep } from './role-step';
import { TrustChain } from './trust-chain';
import { VerifyStep } from './verify-step';
import { STEP_TITLES, WizardSteps } from './wizard-steps';

const record = <T,>(value: T | typeof NEW | null): T | null => (value === NEW ? null : value);

export function AwsSetup({ orgId, canManage, params }: { orgId: string; canManage: boolean; params: WizardParams }) {
  const providers = useQuery(awsProvidersQuery(orgId));
  const roles = useQuery(awsRolesQuery(orgId));
  const chain = useQuery(awsTrustChainQuery(orgId));
  const issuer = useQuery(issuerQuery(orgId));
  const retry = () => void Promise.all([providers.refetch(), roles.refetch(), issuer.refetch()]);

  let wizard: ReactNode;
  let list: ReactNode;
  if (providers.isError || roles.isError || issuer.isError) {
    wizard = <LoadFailed what="The AWS records" error={providers.error ?? roles.error ?? issuer.error} retry={retry} />;
    list = null;
  } else if (providers.isPending || roles.isPending || issuer.isPending) {
    wizard = <LoadingRows rows={5} label="Loading the AWS setup" />;
    list = <LoadingRows rows={2} label="Loading providers and roles" />;
  } else {
    wizard = <Wizard orgId={orgId} canManage={canManage} params={params} providers={providers.data.items} roles={roles.data.items} issuer={issuer.data.issuer} audiences={issuer.data.audiences} />;
    const loc = locate(params, providers.data.items, roles.data.items);
    list =
      providers.data.items.length + roles.data.items.length === 0 ? (
        <EmptyState icon={<CloudIcon />} title="No provider or role recorded yet">
          {canManage ? 'Start with the provider step above: Trustbridge creates the IAM OIDC provider in your AWS account, or writes out the steps to do it yourself. Then build the role.' : 'An owner or admin of this organization creates the IAM OIDC provider and a role here; you will see them, their status and their drift.'}
        </EmptyState>
      ) : (
        <RecordsList orgId={orgId} providers={providers.data.items} roles={roles.data.items} selected={[record(loc.provider)?.id, record(loc.role)?.id].filter((id): id is string => Boolean(id))} />
      );
  }

  return (
    <>
      <PageHeader
        title="AWS setup"
        description="Create the IAM OIDC provider and a role in your AWS accounts — Trustbridge does it through the IAM API with credentials you paste, or writes out console steps, AWS CLI, CloudFormation and Terraform — then verify them and fix drift."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Set up AWS" description="Provider → role → credential → verify. Each step can be done by Trustbridge or by you." />
          <CardBody>{wizard}</CardBody>
        </Card>
        <Card>
          <CardHeader title="Trust chain" description="Who can get into which AWS account: the issuer, the provider in each account, its roles and the environments each admits." />
          <CardBody>{chain.isError ? <LoadFailed what="The trust chain" error={chain.error} retry={() => void chain.refetch()} /> : chain.isPending ? <LoadingRows rows={3} label="Loading the trust chain" /> : <TrustChain orgId={orgId} chain={chain.data} />}</CardBody>
        </Card>
        <Card>
          <CardHeader title="Providers and roles" description="Every record of this organization, with its status and last verification." />
          {list ? <div className={providers.data && roles.data && providers.data.items.length + roles.data.items.length > 0 ? undefined : 'p-5'}>{list}</div> : null}
        </Card>
      </div>
    </>
  );
}

function Wizard({ orgId, canManage, params, providers, roles, issuer, audiences }: { orgId: string; canManage: boolean; params: WizardParams; providers: TAwsProvider[]; roles: TAwsRole[]; issuer: string; audiences: string[] }) {
  // Without a step in the URL the wizard opens where the work stands — and stays there while the
  // records change under it (creating the provider must not move the page to the role step).
  const [landing] = useState(() => locate(params, providers, roles).step);
  const loc = locate({ ...params, step: params.step ?? landing }, providers, roles);
  const provider = record(loc.provider);
  const role = record(loc.role);
  const way = params.way === 'yourself' ? 'yourself' : 'trustbridge';
  const providerId = provider?.id ?? null;
  const roleId = role?.id ?? null;
  const hrefOf = (step: Step) => wizardHref(orgId, { step, providerId, roleId });
  const done: Record<Step, boolean> = {
    provider: provider !== null && isStepDone(provider),
    role: role !== null && isStepDone(role),
    credential: false,
    verify: provider?.status === 'in_sync' && role?.status === 'in_sync',
  };
  let content: ReactNode;
  if (loc.missing) {
    content = (
      <Alert tone="warning" title={`This ${loc.missing} is not recorded`}>
        It was deleted, or the link is wrong.{' '}
        <Link href={wizardHref(orgId, { step: loc.step })} className="font-medium underline">
          Open the {STEP_TITLES[loc.step].title.toLowerCase()} step
        </Link>
      </Alert>
    );
  } else if (loc.step === 'provider') {
    content = <ProviderStep initialWay={way} orgId={orgId} provider={loc.provider ?? NEW} issuer={issuer} audiences={audiences} canManage={canManage} roleId={roleId} />;
  } else if (loc.step === 'role') {
    content = <RoleStep initialWay={way} orgId={orgId} role={loc.role ?? NEW} providerId={providerId} defaultAccountId={provider?.accountId ?? ''} canManage={canManage} />;
  } else if (loc.step === 'credential') {
    content = role ? <CredentialStep orgId={orgId} role={role} providerId={providerId} /> : <NeedsRole orgId={orgId} providerId={providerId} />;
  } else {
    content = <VerifyStep orgId={orgId} provider={provider} role={role} canManage={canManage} />;
  }
  const another = canManage && !loc.missing && ((loc.step === 'provider' && provider) || (loc.step === 'role' && role));
  return (
    <div className="space-y-6">
      <WizardSteps current={loc.step} done={done} hrefOf={hrefOf} />
      <div className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">
            {STEP_TITLES[loc.step].heading}
          </h2>
          {another ? (
            <Link href={loc.step === 'provider' ? wizardHref(orgId, { step: 'provider', providerId: NEW, roleId }) : wizardHref(orgId, { step: 'role', providerId, roleId: NEW })} className="text-sm font-medium text-brand-700 hover:underline">
              {loc.step === 'provider' ? 'Add a provider for another account' : 'Add another role'}
            </Link>
          ) : null}
        </div>
        {content}
      </div>
    </div>
  );
}

function NeedsRole({ orgId, providerId }: { orgId: string; providerId: string | null }) {
  return (
    <Alert tone="info" title="Create the role first">
      The credential names a role ARN.{' '}
      <Link href={wizardHref(orgId, { step: 'role', providerId })} className="font-medium underline">
        Go to the role step
      </Link>
    </Alert>
  );
}
