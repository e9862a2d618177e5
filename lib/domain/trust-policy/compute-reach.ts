// The reach preview: which of the organization's environments a policy lets in. The policy is
// compiled once; each environment's request is the one deriveRequestFromClaims would build from its
// token (claimsForEnvironment), written into one reused context object so no per-environment
// request is allocated. With session tags on, sts:TagSession is decided too (web-identity.ts).
import { DEFAULT_AUDIENCE, type ReachContext, type ReachEnvironment } from './claims-for-environment';
import { ASSUME_ROLE_WITH_WEB_IDENTITY, issuerKeyPrefix, oidcProviderArn } from './derive-request';
import { compilePolicy, type CompiledPolicy, type EvaluationRequest } from './evaluate-policy';
import type { Policy } from './model';
import { diagnoseWebIdentity, TAG_SESSION } from './web-identity';

export interface ReachResult {
  environmentId: string;
  admitted: boolean;
  /** "matches statement N", or the failing part in plain words. */
  reason: string;
}

function isCompiled(p: Policy | CompiledPolicy): p is CompiledPolicy {
  return typeof (p as Partial<CompiledPolicy>).decide === 'function';
}

export function computeReach(policy: Policy | CompiledPolicy, environments: readonly ReachEnvironment[], ctx: ReachContext): ReachResult[] {
  const compiled = isCompiled(policy) ? policy : compilePolicy(policy);
  const prefix = issuerKeyPrefix(ctx.issuer);
  const subKey = `${prefix}:sub`;
  const context: Record<string, string | string[]> = { [subKey]: '', [`${prefix}:aud`]: ctx.audience ?? DEFAULT_AUDIENCE };
  const tags = ctx.sessionTags === true;
  if (tags) {
    const keys = [...(ctx.orgId !== undefined ? ['org_id'] : []), 'project', 'environment', 'stage'];
    if (ctx.orgId !== undefined) context['aws:RequestTag/org_id'] = ctx.orgId;
    context['aws:TagKeys'] = keys;
    if (ctx.transitiveTagKeys && ctx.transitiveTagKeys.length > 0) context['sts:TransitiveTagKeys'] = [...ctx.transitiveTagKeys];
  }
  const request: EvaluationRequest = { principal: oidcProviderArn(ctx.issuer, ctx.accountId), action: ASSUME_ROLE_WITH_WEB_IDENTITY, context };
  // With session tags STS also authorizes sts:TagSession, on the same (shared, reused) context.
  const tagRequest: EvaluationRequest | null = tags ? { ...request, action: TAG_SESSION } : null;
  const out: ReachResult[] = new Array<ReachResult>(environments.length);
  for (let i = 0; i < environments.length; i++) {
    const env = environments[i] as ReachEnvironment;
    context[subKey] = env.sub;
    if (tags) {
      context['aws:RequestTag/project'] = env.projectSlug;
      context['aws:RequestTag/environment'] = env.slug;
      context['aws:RequestTag/stage'] = env.stage;
    }
    const d = diagnoseWebIdentity(compiled, request, tagRequest);
    out[i] = { environmentId: env.id, admitted: d.decision === 'Allow', reason: d.reason };
  }
  return out;
}
