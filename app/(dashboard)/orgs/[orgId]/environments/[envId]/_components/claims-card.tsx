'use client';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CodeBlock, CopyField } from '@/components/ui/code-block';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { environmentClaimsQuery } from '@/lib/client/queries/issuer';

/** What this environment's ID tokens carry — an unsigned preview; the subject is what trust policies name. */
export function ClaimsCard({ orgId, envId }: { orgId: string; envId: string }) {
  const claims = useQuery(environmentClaimsQuery(orgId, envId));
  return (
    <Card>
      <CardHeader title="ID token claims" description="Unsigned preview of what this environment's ID tokens carry. Trust policies name the subject." />
      <CardBody className="space-y-4">
        {claims.isPending ? <LoadingRows rows={2} label="Loading claims" /> : null}
        {claims.isError ? <Alert tone="error">{errorMessage(claims.error)}</Alert> : null}
        {claims.data ? (
          <>
            <div>
              <p className="mb-1.5 text-sm font-medium text-slate-800">Subject (sub)</p>
              <CopyField value={String(claims.data.claims.sub)} label="Subject" />
            </div>
            <CodeBlock label="Claims" code={JSON.stringify(claims.data.claims, null, 2)} />
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
