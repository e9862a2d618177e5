'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { LoadFailed } from '@/components/ui/load-failed';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { useBuilderPrefill } from '@/lib/client/builder-prefill';
import { trustPolicyContextQuery, trustPolicyQuery } from '@/lib/client/queries/trust-policies';
import { initialModel, modelFromDocument } from '@/components/trust-policy/builder/builder-context';

// The builder carries the whole trust-policy engine (parser, linter, evaluator, reach preview):
// its chunk is fetched while the page fetches the builder's context, not as part of the page's
// first-load JavaScript (bench: page weight, ≤ 1.25× a blank page).
const loadBuilder = () => import('./policy-builder').then((m) => m.PolicyBuilder);
if (typeof window !== 'undefined') void loadBuilder();
const PolicyBuilder = dynamic(loadBuilder, { ssr: false, loading: () => <LoadingRows rows={6} label="Loading the builder" /> });

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


const FROM_INSPECTOR = 'Opened from the claim inspector with its proposed fix applied. Review the rows, the lint findings and the reach preview before saving.';

/** The inspector's proposed policy as the builder's starting rows (unsaved changes), if it handed one over. */
function prefillStart(prefill: Record<string, unknown> | null, issuer: string) {
  const model = prefill ? modelFromDocument(prefill, issuer) : null;
  return model ? { model, note: FROM_INSPECTOR } : undefined;
}

/** A new policy: starts from the "this organization" preset once the issuer context is loaded (or from the inspector's fix). */
export function NewPolicyEditor({ orgId, fromInspector = false }: { orgId: string; fromInspector?: boolean }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  const prefill = useBuilderPrefill(orgId, null, fromInspector);
  if (context.isPending) return <Frame orgId={orgId} title="New trust policy"><LoadingRows rows={6} label="Loading the builder" /></Frame>;
  if (context.isError) return <Frame orgId={orgId} title="New trust policy"><LoadFailed what="The builder" error={context.error} retry={() => void context.refetch()} /></Frame>;
  return (
    <PolicyBuilder
      orgId={orgId}
      context={context.data}
      initial={{ model: initialModel(context.data), choice: { preset: 'this-organization' } }}
      start={prefillStart(prefill, context.data.issuer)}
      saved={null}
      canManage
      onReload={() => undefined}
    />
  );
}

/** A saved policy: its document as rows (plus parts kept as written). "Reload" after a 409 refetches and starts over. */
export function SavedPolicyEditor({ orgId, policyId, canManage, fromInspector = false }: { orgId: string; policyId: string; canManage: boolean; fromInspector?: boolean }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  const prefill = useBuilderPrefill(orgId, policyId, fromInspector && canManage);
  const policy = useQuery(trustPolicyQuery(orgId, policyId));
  const [generation, setGeneration] = useState(0);
  const title = policy.data?.name ?? 'Trust policy';
  if (context.isPending || policy.isPending) return <Frame orgId={orgId} title={title}><LoadingRows rows={6} label="Loading the policy" /></Frame>;
  if (policy.isError) return <Frame orgId={orgId} title={title}><LoadFailed what="The builder" error={policy.error} retry={() => void policy.refetch()} /></Frame>;
  if (context.isError) return <Frame orgId={orgId} title={title}><LoadFailed what="The builder" error={context.error} retry={() => void context.refetch()} /></Frame>;
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
      start={generation === 0 ? prefillStart(prefill, context.data.issuer) : undefined}
      saved={policy.data}
      canManage={canManage}
      onReload={() => void reload()}
    />
  );
}
