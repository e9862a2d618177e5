'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { trustPolicyContextQuery, trustPolicyQuery } from '@/lib/client/queries/trust-policies';
import { initialModel, modelFromDocument } from './builder-context';
import { PolicyBuilder } from './policy-builder';

/** Breadcrumb and title while the builder loads or when it cannot. */
function Frame({ orgId, title, children }: { orgId: string; title: string; children: ReactNode }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href={`/orgs/${orgId}/trust-policies`} className="hover:underline">
          Trust policies
        </Link>
      </nav>
      <PageHeader title={title} />
      {children}
    </>
  );
}

function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Alert tone="error" title="The builder could not load">
      <p>{errorMessage(error)}</p>
      <Button size="sm" variant="secondary" className="mt-2" onClick={retry}>
        Try again
      </Button>
    </Alert>
  );
}

/** A new policy: starts from the "this organization" preset once the issuer context is loaded. */
export function NewPolicyEditor({ orgId }: { orgId: string }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  if (context.isPending) return <Frame orgId={orgId} title="New trust policy"><LoadingRows rows={6} label="Loading the builder" /></Frame>;
  if (context.isError) return <Frame orgId={orgId} title="New trust policy"><Failed error={context.error} retry={() => void context.refetch()} /></Frame>;
  return <PolicyBuilder orgId={orgId} context={context.data} initial={{ model: initialModel(context.data), choice: { preset: 'this-organization' } }} saved={null} canManage onReload={() => undefined} />;
}

/** A saved policy: its document as rows (plus parts kept as written). "Reload" after a 409 refetches and starts over. */
export function SavedPolicyEditor({ orgId, policyId, canManage }: { orgId: string; policyId: string; canManage: boolean }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  const policy = useQuery(trustPolicyQuery(orgId, policyId));
  const [generation, setGeneration] = useState(0);
  const title = policy.data?.name ?? 'Trust policy';
  if (context.isPending || policy.isPending) return <Frame orgId={orgId} title={title}><LoadingRows rows={6} label="Loading the policy" /></Frame>;
  if (policy.isError) return <Frame orgId={orgId} title={title}><Failed error={policy.error} retry={() => void policy.refetch()} /></Frame>;
  if (context.isError) return <Frame orgId={orgId} title={title}><Failed error={context.error} retry={() => void context.refetch()} /></Frame>;
  const model = modelFromDocument(policy.data.document, context.data.issuer);
  if (!model) return <Frame orgId={orgId} title={title}><Alert tone="error">The saved document is not a readable trust policy.</Alert></Frame>;
  const reload = async () => {
    await Promise.all([policy.refetch(), context.refetch()]);
    setGeneration((g) => g + 1);
  };
  return (
    <PolicyBuilder
      key={`${generation}`}
      orgId={orgId}
      context={context.data}
      initial={{ model, choice: policy.data.builder }}
      saved={policy.data}
      canManage={canManage}
      onReload={() => void reload()}
    />
  );
}
