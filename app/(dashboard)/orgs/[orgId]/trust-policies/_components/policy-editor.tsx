'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { trustPolicyContextQuery, trustPolicyQuery } from '@/lib/client/queries/trust-policies';
import { initialModel, modelFromDocument } from './builder-context';
import { PolicyBuilder } from './policy-builder';

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
  if (context.isPending) return <LoadingRows rows={6} label="Loading the builder" />;
  if (context.isError) return <Failed error={context.error} retry={() => void context.refetch()} />;
  return <PolicyBuilder orgId={orgId} context={context.data} initial={{ model: initialModel(context.data), fromPreset: true }} saved={null} canManage onReload={() => undefined} />;
}

/** A saved policy: its document as rows (plus parts kept as written). "Reload" after a 409 refetches and starts over. */
export function SavedPolicyEditor({ orgId, policyId, canManage }: { orgId: string; policyId: string; canManage: boolean }) {
  const context = useQuery(trustPolicyContextQuery(orgId));
  const policy = useQuery(trustPolicyQuery(orgId, policyId));
  const [generation, setGeneration] = useState(0);
  if (context.isPending || policy.isPending) return <LoadingRows rows={6} label="Loading the policy" />;
  if (policy.isError) return <Failed error={policy.error} retry={() => void policy.refetch()} />;
  if (context.isError) return <Failed error={context.error} retry={() => void context.refetch()} />;
  const model = modelFromDocument(policy.data.document, context.data.issuer);
  if (!model) return <Alert tone="error">The saved document is not a readable trust policy.</Alert>;
  const reload = async () => {
    await Promise.all([policy.refetch(), context.refetch()]);
    setGeneration((g) => g + 1);
  };
  return (
    <PolicyBuilder
      key={`${generation}`}
      orgId={orgId}
      context={context.data}
      initial={{ model, fromPreset: false }}
      saved={policy.data}
      canManage={canManage}
      onReload={() => void reload()}
    />
  );
}
