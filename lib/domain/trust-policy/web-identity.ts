// What STS authorizes for AssumeRoleWithWebIdentity: the role's trust policy must allow
// sts:AssumeRoleWithWebIdentity, and — when the token carries session tags (the
// https://aws.amazon.com/tags claim, aws:RequestTag/* in the request) — also sts:TagSession, with
// the same request context (IAM User Guide, "Passing session tags using AssumeRoleWithWebIdentity":
// without it the call fails with AccessDenied). Both decisions follow evaluate-policy's rules.
import { compilePolicy, type CompiledPolicy, type Diagnosis, type EvaluationRequest, type EvaluationResult } from './evaluate-policy';
import type { Policy } from './model';

export const TAG_SESSION = 'sts:TagSession';

const REQUEST_TAG = 'aws:requesttag/';
const TAG_KEYS = 'aws:tagkeys';

/**
 * Whether the request passes session tags: any aws:RequestTag/* key, or a tag key in aws:TagKeys (a
 * tag whose value is empty is null, so it has no aws:RequestTag/* value, but it was still passed).
 */
export function carriesSessionTags(request: EvaluationRequest): boolean {
  for (const [key, value] of Object.entries(request.context)) {
    const lower = key.toLowerCase();
    if (lower.startsWith(REQUEST_TAG)) return true;
    if (lower === TAG_KEYS && (Array.isArray(value) ? value : [value]).some((k) => typeof k === 'string' && k !== '')) return true;
  }
  return false;
}

/** The sts:TagSession authorization of a request with session tags; null when it carries none. */
export function tagSessionRequest(request: EvaluationRequest): EvaluationRequest | null {
  return carriesSessionTags(request) ? { ...request, action: TAG_SESSION } : null;
}

const tagSessionReason = (reason: string) => `the token carries session tags, so sts:TagSession must be allowed too — ${reason}`;

/**
 * The verdict STS reaches, in one sentence. `tagRequest` is the sts:TagSession request (callers
 * deciding many requests pass one whose context they reuse); null when the token has no tags.
 */
export function diagnoseWebIdentity(policy: CompiledPolicy, request: EvaluationRequest, tagRequest: EvaluationRequest | null = tagSessionRequest(request)): Diagnosis {
  const assume = policy.diagnose(request);
  if (assume.decision !== 'Allow' || tagRequest === null) return assume;
  const tag = policy.diagnose(tagRequest);
  return tag.decision === 'Allow' ? assume : { ...tag, reason: tagSessionReason(tag.reason) };
}

export interface WebIdentityEvaluation {
  /** The full trace of the authorization that decided: sts:TagSession when that one refused. */
  result: EvaluationResult;
  /** True when sts:AssumeRoleWithWebIdentity was allowed but sts:TagSession was not. */
  refusedForTagSession: boolean;
}

/** Like evaluatePolicy, for both authorizations of AssumeRoleWithWebIdentity (the token tester). */
export function evaluateWebIdentity(policy: Policy, request: EvaluationRequest): WebIdentityEvaluation {
  const compiled = compilePolicy(policy);
  const result = compiled.evaluate(request);
  const tagRequest = tagSessionRequest(request);
  if (result.decision !== 'Allow' || tagRequest === null) return { result, refusedForTagSession: false };
  const tag = compiled.evaluate(tagRequest);
  return tag.decision === 'Allow' ? { result, refusedForTagSession: false } : { result: tag, refusedForTagSession: true };
}

