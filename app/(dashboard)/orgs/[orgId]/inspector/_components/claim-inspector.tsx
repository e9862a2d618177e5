'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { TextAreaField } from '@/components/ui/field';
import { SearchIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/client/api';
import { trustPolicyContextQuery } from '@/lib/client/queries/trust-policies';
import { AWS_MAX_TOKEN_LENGTH, decodeJwt } from '@/lib/domain/jwt';
import { DecodedToken } from './decoded-token';
import { EnvironmentClaims } from './environment-claims';
import { EvaluatePanel } from './evaluate-panel';
import { MintToken } from './mint-token';
import { ServerChecks } from './server-checks';

/**
 * The claim inspector. The token lives only in this component's state: decoded in the browser as
 * it is typed, sent to the server only when the STS checks or an evaluation are asked for, never put
 * in a URL, storage or a log. "Clear" wipes it.
 */
export function ClaimInspector({ orgId, canMint, canBuild }: { orgId: string; canMint: boolean; canBuild: boolean }) {
  const [token, setToken] = useState('');
  const [envId, setEnvId] = useState('');
  const context = useQuery(trustPolicyContextQuery(orgId));
  const trimmed = token.trim();
  const readable = useMemo(() => trimmed !== '' && decodeJwt(trimmed).ok, [trimmed]);
  return (
    <>
      <PageHeader title="Claim inspector" description="Paste an ID token: see its claims decoded as you type, whether AWS STS would accept it, and which trust-policy condition refuses it — with the smallest fix." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Token" />
          <CardBody className="space-y-4">
            <div className="space-y-2">
              <TextAreaField
                label="ID token (JWT)"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                rows={5}
                spellCheck={false}
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                placeholder="eyJhbGciOi…"
                className="[&_textarea]:break-all [&_textarea]:text-xs"
                hint={`Decoded in your browser; never put in a URL or stored.${trimmed.length > 0 ? ` ${trimmed.length} of at most ${AWS_MAX_TOKEN_LENGTH} characters.` : ''}`}
              />
              <Button size="sm" variant="secondary" onClick={() => setToken('')} disabled={token === ''}>
                Clear
              </Button>
            </div>
            {canMint ? (
              <div className="border-t border-slate-200 pt-4">
                <h3 className="mb-2 text-sm font-medium text-slate-800">No token at hand? Mint a signed one (admins; at most 5 minutes, audited)</h3>
                {context.data ? <MintToken orgId={orgId} context={context.data} onInspect={setToken} /> : context.isError ? null : <LoadingRows rows={1} label="Loading environments" />}
              </div>
            ) : null}
          </CardBody>
        </Card>
        {trimmed === '' ? (
          <EmptyState icon={<SearchIcon />} title="Paste a token to inspect it">
            Get one in an environment with <code className="font-mono">trustbridge idp token</code>{canMint ? ', or mint one above' : ''}. Or pick an environment below to see the claims its tokens carry.
          </EmptyState>
        ) : (
          <>
            <DecodedToken token={token} />
            <ServerChecks orgId={orgId} token={trimmed} />
          </>
        )}
        <Card>
          <CardHeader title="Claims of an environment" description="What a token for an environment carries, without minting one. Choose one to evaluate its claims below." />
          <CardBody>
            {context.isPending ? <LoadingRows rows={2} label="Loading environments" /> : null}
            {context.isError ? <Alert tone="error">{errorMessage(context.error)}</Alert> : null}
            {context.data ? <EnvironmentClaims orgId={orgId} context={context.data} envId={envId} onChange={setEnvId} /> : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Would this role accept it?" description="Evaluated the way STS derives the request from the token; the failing condition is named and the smallest fix proposed." />
          <CardBody>
            <EvaluatePanel orgId={orgId} token={trimmed} tokenReadable={readable} envId={envId} canBuild={canBuild} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
