import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { wizardHref } from '@/lib/client/aws-wizard';
import type { VerificationState } from '@/lib/domain/aws/verification-state';
import type { TTrustChain } from '@/lib/schemas/aws';
import { VERIFICATION, VerificationBadge } from './record-status';
import { EnvironmentChips } from './role-reach';

// "Who can get into which AWS account", at a glance: this organization's issuer → the IAM OIDC
// provider in each account → the roles there → the environments each role admits. Every link is
// drawn in the colour *and* line pattern of its last verification and labelled in words, so the
// picture reads without colour; it is a nested list, so it also reads as text, and it stacks on a
// phone.

const LINE: Record<VerificationState, string> = {
  in_sync: 'border-emerald-500 border-solid',
  drifted: 'border-amber-500 border-dashed',
  never_verified: 'border-slate-400 border-dotted',
  failed: 'border-red-600 border-double',
};
const ENVIRONMENTS_SHOWN = 8;

/** A link of the chain: the line from the parent, in the state's colour and pattern. */
function ChainLink({ state, children, label }: { state: VerificationState | 'missing'; children: ReactNode; label: string }) {
  return (
    <li aria-label={label} className={cn('relative ml-3 border-l-4 pb-3 pl-4 last:pb-0', state === 'missing' ? 'border-dashed border-slate-300' : LINE[state])}>
      <span aria-hidden="true" className={cn('absolute -left-1 top-4 w-3 border-t-4', state === 'missing' ? 'border-dashed border-slate-300' : LINE[state])} />
      {children}
    </li>
  );
}

function Node({ kind, children, className }: { kind: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('min-w-0 rounded-md border border-slate-200 bg-white px-3 py-2 shadow-sm', className)}>
      <p className="text-[0.7rem] font-semibold uppercase tracking-wide text-slate-500">{kind}</p>
      <div className="min-w-0 text-sm">{children}</div>
    </div>
  );
}

export function TrustChainLegend() {
  return (
    <ul aria-label="Legend: link colours" className="flex flex-wrap gap-x-5 gap-y-2 text-xs text-slate-700">
      {(Object.keys(VERIFICATION) as VerificationState[]).map((state) => (
        <li key={state} className="flex items-center gap-2" title={VERIFICATION[state].meaning}>
          <span aria-hidden="true" className={cn('w-8 border-t-4', LINE[state])} />
          <span>
            <span aria-hidden="true" className="mr-0.5 font-bold">
              {VERIFICATION[state].symbol}
            </span>
            {VERIFICATION[state].label}
          </span>
        </li>
      ))}
    </ul>
  );
}

function summary(chain: TTrustChain): string {
  const roles = chain.accounts.flatMap((a) => a.roles);
  const admitted = new Set(roles.flatMap((r) => r.reach?.admitted.map((e) => e.id) ?? []));
  const drifted = [...chain.accounts.map((a) => a.provider).filter((p) => p !== null), ...roles].filter((r) => r.verification.state === 'drifted' || r.verification.state === 'failed').length;
  const parts = [
    `${chain.accounts.length} AWS account${chain.accounts.length === 1 ? '' : 's'}`,
    `${roles.length} role${roles.length === 1 ? '' : 's'}`,
    `${admitted.size} of ${chain.environmentCount} environment${chain.environmentCount === 1 ? '' : 's'} can assume at least one role`,
  ];
  return `${parts.join(' · ')}${drifted > 0 ? ` · ${drifted} link${drifted === 1 ? '' : 's'} drifted or failed` : ''}.`;
}

export function TrustChain({ orgId, chain }: { orgId: string; chain: TTrustChain }) {
  return (
    <figure aria-label="Trust chain" className="space-y-4">
      <figcaption className="text-sm text-slate-700">{summary(chain)}</figcaption>
      <TrustChainLegend />
      <div className="space-y-0">
        <Node kind="Issuer (this organization)" className="max-w-full">
          <code className="block break-all font-mono text-xs text-slate-800">{chain.issuer}</code>
          {chain.issuerUsableByAws.ok ? null : (
            <p className="mt-1 text-xs text-amber-800 wrap-anywhere">
              <span aria-hidden="true" className="mr-1 font-bold">
                !
              </span>
              AWS cannot use this issuer URL yet: {chain.issuerUsableByAws.reason}
            </p>
          )}
        </Node>
        {chain.accounts.length === 0 ? (
          <p className="ml-3 border-l-4 border-dotted border-slate-300 py-3 pl-4 text-sm text-slate-600">No AWS account yet: create the OIDC provider in the provider step above, then a role.</p>
        ) : (
          <ol aria-label="AWS accounts" className="pt-3">
            {chain.accounts.map((account) => {
              const p = account.provider;
              return (
                <ChainLink key={account.accountId} state={p ? p.verification.state : 'missing'} label={`AWS account ${account.accountId}`}>
                  <Node kind={`AWS account ${account.accountId} · IAM OIDC provider`}>
                    {p ? (
                      <span className="flex flex-wrap items-center gap-2">
                        <Link href={wizardHref(orgId, { step: 'verify', providerId: p.id })} className="font-medium text-brand-700 hover:underline">
                          Provider for {p.audiences.join(', ')}
                        </Link>
                        <VerificationBadge state={p.verification.state} />
                      </span>
                    ) : (
                      <span className="text-amber-800">No provider recorded: its roles cannot be assumed with this issuer&apos;s tokens.</span>
                    )}
                  </Node>
                  {account.roles.length === 0 ? (
                    <p className="ml-3 border-l-4 border-dotted border-slate-300 py-2 pl-4 text-xs text-slate-600">No role in this account yet.</p>
                  ) : (
                    <ol aria-label={`Roles in ${account.accountId}`} className="pt-3">
                      {account.roles.map((role) => (
                        <ChainLink key={role.id} state={role.verification.state} label={`Role ${role.roleName}`}>
                          <div className="flex flex-col gap-2 lg:flex-row lg:items-start">
                            <Node kind="Role" className="lg:w-72 lg:shrink-0">
                              <span className="flex flex-wrap items-center gap-2">
                                <Link href={wizardHref(orgId, { step: 'verify', providerId: p?.id, roleId: role.id })} className="font-medium text-brand-700 hover:underline wrap-anywhere">
                                  {role.roleName}
                                </Link>
                                <VerificationBadge state={role.verification.state} />
                              </span>
                            </Node>
                            <Environments reach={role.reach} error={role.reachError} drifted={role.verification.state === 'drifted'} />
                          </div>
                        </ChainLink>
                      ))}
                    </ol>
                  )}
                </ChainLink>
              );
            })}
          </ol>
        )}
      </div>
    </figure>
  );
}

function Environments({ reach, error, drifted }: { reach: TTrustChain['accounts'][number]['roles'][number]['reach']; error: string | undefined; drifted: boolean }) {
  if (!reach) return <p className="text-xs text-slate-600 lg:pt-2">{error ?? 'Reach unknown.'}</p>;
  return (
    <div className="min-w-0 lg:pt-1">
      <p className="text-xs text-slate-600">
        <span aria-hidden="true" className="mr-1 hidden lg:inline">
          →
        </span>
        Admits {reach.admittedCount} of {reach.total} environment{reach.total === 1 ? '' : 's'}
        {reach.admittedCount === 0 ? ' — nobody can assume it' : ':'}
      </p>
      {drifted ? <p className="text-xs text-amber-800">By the record&apos;s trust policy: the role in AWS differs, so AWS may admit others (see Verify).</p> : null}
      {reach.admitted.length > 0 ? <EnvironmentChips environments={reach.admitted.slice(0, ENVIRONMENTS_SHOWN)} more={reach.admittedCount - Math.min(reach.admitted.length, ENVIRONMENTS_SHOWN)} label="Environments it admits" className="mt-1" /> : null}
    </div>
  );
}
