import 'server-only';
import type { z } from 'zod';
import { ASSUME_ROLE_WITH_WEB_IDENTITY, deriveRequestFromClaims, evaluatePolicy, firstFailure, type EvaluationRequest, type Policy } from '@/lib/domain/trust-policy';
import type { ZEvaluateBody } from '@/lib/schemas/trust-policy';
import { AppError } from '../errors';
import { decodeUnverified } from '../security/verify-id-token';
import { parsePolicyInput } from './parse-policy-input';

// POST /api/v1/trust-policy/evaluate: decide like AWS, with a trace per statement and condition.
// Token mode derives the request the way STS would for the token's issuer: principal = the OIDC
// provider ARN, context = <issuer>:sub/aud/amr/azp and the session-tag keys. The token's signature
// is not checked here (that is the inspector's job): this answers "would the trust policy admit it".

type Body = z.output<typeof ZEvaluateBody>;

export const PLACEHOLDER_ACCOUNT = '000000000000';

/** The account of the policy's first Federated OIDC provider principal, if any. */
export function accountFromPolicy(policy: Policy): string | null {
  for (const statement of policy.statements) {
    const principal = statement.principal;
    if (!principal || principal.kind !== 'map') continue;
    for (const entry of principal.entries) {
      if (entry.type !== 'Federated') continue;
      for (const value of entry.values.values) {
        const account = /^arn:aws[\w-]*:iam::(\d{12}):oidc-provider\//.exec(value)?.[1];
        if (account) return account;
      }
    }
  }
  return null;
}

/**
 * The request STS evaluates for these claims (the token's own issuer names the provider), in the
 * given account, else the one the policy names, else a placeholder (with a note saying so).
 */
export function webIdentityRequest(claims: Record<string, unknown>, policy: Policy, options: { accountId?: string | undefined; action?: string | undefined; roleSessionName?: string | undefined }): { request: EvaluationRequest; notes: string[] } {
  const iss = claims.iss;
  if (typeof iss !== 'string' || !/^https?:\/\/[^\s]+$/.test(iss)) throw new AppError(400, 'invalid_token_format', 'The token has no iss claim with an https:// issuer URL, so no OIDC provider can be derived.');
  const notes: string[] = [];
  const accountId = options.accountId ?? accountFromPolicy(policy) ?? PLACEHOLDER_ACCOUNT;
  if (!options.accountId && accountId === PLACEHOLDER_ACCOUNT) notes.push('No accountId given and the policy names no OIDC provider ARN: the principal uses account 000000000000.');
  const request = deriveRequestFromClaims(claims, {
    issuer: iss,
    accountId,
    action: options.action ?? ASSUME_ROLE_WITH_WEB_IDENTITY,
    ...(options.roleSessionName ? { roleSessionName: options.roleSessionName } : {}),
  });
  return { request, notes };
}

function requestFromToken(body: Extract<Body, { token: string }>, policy: Policy): { request: EvaluationRequest; notes: string[] } {
  const decoded = decodeUnverified(body.token);
  if (!decoded) throw new AppError(400, 'invalid_token_format', 'The token is not a compact JWT (three base64url parts with a JSON header and payload).');
  return webIdentityRequest(decoded.claims, policy, body);
}

export function evaluateTrustPolicy(body: Body) {
  const policy = parsePolicyInput(body.policy);
  const { request, notes } =
    'token' in body
      ? requestFromToken(body, policy)
      : {
          request: { principal: body.request.principal, action: body.request.action, ...(body.request.resource ? { resource: body.request.resource } : {}), context: body.request.context },
          notes: [],
        };
  const result = evaluatePolicy(policy, request);
  return { decision: result.decision, statements: result.statements, firstFailure: firstFailure(result), request, notes };
}
