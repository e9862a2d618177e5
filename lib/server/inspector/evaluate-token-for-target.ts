import 'server-only';
import { parseRoleArn } from '@/lib/domain/aws/arn';
import { decodeJwt } from '@/lib/domain/jwt';
import { describeFailure, evaluateWebIdentity, firstFailure, parsePolicy, proposeFix, renderPolicy, type Policy } from '@/lib/domain/trust-policy';
import type { TEvaluateTokenBody, TTokenEvaluation } from '@/lib/schemas/inspector';
import type { OrgAccess } from '../auth/org-access';
import { findRecordedRole } from '../aws-roles/recorded-role';
import { getDb } from '../db/client';
import { AppError, notFound } from '../errors';
import { previewEnvironmentClaims } from '../oidc/environment-claims';
import { issuerFor } from '../oidc/issuer';
import { parsePolicyInput } from '../trust-policies/parse-policy-input';
import { webIdentityRequest } from '../trust-policies/evaluate-trust-policy';
import { listRecordedProviders } from './recorded-providers';

// "Would this role accept it?": a token (decoded, not verified — the checks do that) or an
// environment's unsigned claims, against a recorded role, a saved trust policy, a deployment
// credential's role (through the recorded role of the same ARN) or a pasted policy. The request is
// derived the way STS does; the answer carries the decision, the per-condition trace, the failing
// condition in one sentence, and the smallest fix as a whole policy that the evaluator admits.

type Target = TTokenEvaluation['target'];
type Resolved = { target: Target; policy: Policy | null; notes: string[] };

function parseStored(text: string, what: string): { policy: Policy | null; notes: string[] } {
  const parsed = parsePolicy(text);
  return parsed.ok ? { policy: parsed.policy, notes: [] } : { policy: null, notes: [`The recorded trust policy of ${what} cannot be read: ${parsed.errors[0]?.message ?? 'invalid'}.`] };
}

async function resolveTarget(access: OrgAccess, body: TEvaluateTokenBody): Promise<Resolved> {
  const db = getDb();
  if (body.roleId !== undefined) {
    const role = await db.awsRole.findFirst({ where: { id: body.roleId, orgId: access.orgId }, select: { id: true, name: true, arn: true, accountId: true, trustPolicy: true } });
    if (!role) throw notFound('role');
    return { target: { kind: 'role', id: role.id, name: role.name, roleArn: role.arn, accountId: role.accountId }, ...parseStored(role.trustPolicy, role.arn) };
  }
  if (body.trustPolicyId !== undefined) {
    const saved = await db.trustPolicy.findFirst({ where: { id: body.trustPolicyId, orgId: access.orgId }, select: { id: true, name: true, document: true } });
    if (!saved) throw notFound('trust policy');
    return { target: { kind: 'trust_policy', id: saved.id, name: saved.name, roleArn: null, accountId: null }, ...parseStored(saved.document, `"${saved.name}"`) };
  }
  if (body.credentialId !== undefined) {
    const credential = await db.deploymentCredential.findFirst({ where: { id: body.credentialId, orgId: access.orgId }, select: { id: true, name: true, roleArn: true } });
    if (!credential) throw notFound('deployment credential');
    const arn = parseRoleArn(credential.roleArn);
    const target: Target = { kind: 'credential', id: credential.id, name: credential.name, roleArn: credential.roleArn, accountId: arn.ok ? arn.accountId : null };
    const role = await findRecordedRole(db, access.orgId, credential.roleArn);
    if (!role) return { target, policy: null, notes: [`The trust policy of ${credential.roleArn} is unknown: the role is not recorded in Trustbridge. Record it in AWS setup (or paste its trust policy) to evaluate it.`] };
    return { target, ...parseStored(role.trustPolicy, credential.roleArn) };
  }
  return { target: { kind: 'policy', id: null, name: 'Pasted policy', roleArn: null, accountId: null }, policy: parsePolicyInput(body.policy), notes: [] };
}

async function claimsOf(access: OrgAccess, body: TEvaluateTokenBody): Promise<Record<string, unknown>> {
  if (body.environmentId !== undefined) return { ...(await previewEnvironmentClaims(access, body.environmentId)) };
  const decoded = decodeJwt(body.token ?? '');
  if (!decoded.ok) throw new AppError(400, 'invalid_token_format', `The token cannot be decoded: ${decoded.error.message}`);
  return decoded.claims;
}

export async function evaluateTokenForTarget(access: OrgAccess, body: TEvaluateTokenBody): Promise<TTokenEvaluation> {
  const [claims, resolved] = await Promise.all([claimsOf(access, body), resolveTarget(access, body)]);
  const source = body.environmentId !== undefined ? ('environment' as const) : ('token' as const);
  if (!resolved.policy) {
    return { source, target: resolved.target, policyKnown: false, decision: null, refusedForTagSession: false, statements: [], failingCondition: null, failure: null, request: null, fix: null, notes: resolved.notes };
  }
  const policy = resolved.policy;
  const { request, notes } = webIdentityRequest(claims, policy, { accountId: resolved.target.accountId ?? undefined, roleSessionName: body.roleSessionName });
  const { result, refusedForTagSession } = evaluateWebIdentity(policy, request);
  const failure = firstFailure(result);
  const fix = result.decision === 'Allow' ? null : proposeFix(policy, request);
  const audienceNote = await providerAudienceNote(access.orgId, claims, resolved.target.accountId);
  return {
    source,
    target: resolved.target,
    policyKnown: true,
    decision: result.decision,
    refusedForTagSession,
    statements: result.statements,
    failingCondition: failure?.kind === 'condition' ? failure.condition : null,
    failure: failure ? describeFailure(failure) : null,
    request,
    fix: fix ? { steps: fix.steps, policy: JSON.parse(renderPolicy(fix.policy)) as Record<string, unknown> } : null,
    notes: [...resolved.notes, ...notes, ...(audienceNote ? [audienceNote] : []), ...(claims.iss !== issuerFor(access.orgId) ? ['The token was not issued by this organization; AWS would look for the provider of its own issuer.'] : [])],
  };
}

/** STS checks the audience before the trust policy: say so when the recorded provider of that account lacks it. */
async function providerAudienceNote(orgId: string, claims: Record<string, unknown>, accountId: string | null): Promise<string | null> {
  if (accountId === null || typeof claims.aud !== 'string') return null;
  const provider = (await listRecordedProviders(orgId, issuerFor(orgId))).find((p) => p.accountId === accountId);
  if (!provider || provider.audiences.includes(claims.aud)) return null;
  return `The IAM OIDC provider recorded for account ${accountId} does not list "${claims.aud}" as a client ID: STS would refuse the token (incorrect token audience) before reading the trust policy.`;
}
