import 'server-only';
import { ASSUME_ROLE_WITH_WEB_IDENTITY, deriveRequestFromClaims, evaluateWebIdentity, firstFailure, parsePolicy } from '@/lib/domain/trust-policy';
import type { IdTokenClaims } from '@/lib/domain/claims/id-token-claims';
import type { RecordedRole } from '../aws-roles/recorded-role';

// Test connection's prediction: the recorded role's trust policy evaluated, like STS would, for the
// token just minted (both sts:AssumeRoleWithWebIdentity and, with session tags, sts:TagSession).
// STS stays the authority — the role in AWS may differ from the record.

export type Precheck = { admits: true; detail: string } | { admits: false; detail: string; failing: string };

export function precheckTrustPolicy(role: RecordedRole, claims: IdTokenClaims, roleSessionName: string): Precheck {
  const parsed = parsePolicy(role.trustPolicy);
  if (!parsed.ok) return { admits: false, detail: `The recorded trust policy of ${role.name} does not parse: ${parsed.errors[0]?.message ?? 'invalid'}.`, failing: 'the recorded trust policy is invalid' };
  const tokenClaims: Record<string, unknown> = { ...claims };
  const request = { ...deriveRequestFromClaims(tokenClaims, { issuer: claims.iss, accountId: role.accountId, action: ASSUME_ROLE_WITH_WEB_IDENTITY, roleSessionName }), resource: role.arn };
  const { result, refusedForTagSession } = evaluateWebIdentity(parsed.policy, request);
  if (result.decision === 'Allow') {
    const statement = result.statements.find((s) => s.matched && s.effect === 'Allow');
    return { admits: true, detail: `The recorded trust policy of ${role.name} admits this token${statement ? ` (statement ${statement.index + 1}${statement.sid ? ` "${statement.sid}"` : ''})` : ''}.` };
  }
  const failure = firstFailure(result);
  const reason = failure?.reason ?? 'no statement allows it';
  const failing = refusedForTagSession ? `sts:TagSession is not allowed — ${reason}` : reason;
  return { admits: false, detail: `The recorded trust policy of ${role.name} would refuse this token (${result.decision}): ${failing}`, failing };
}
