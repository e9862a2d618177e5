import 'server-only';
import { buildIdTokenClaims, DASHBOARD_TOKEN_MAX_SECONDS, type IdTokenClaims } from '@/lib/domain/claims/id-token-claims';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { AppError, badRequest, notFound } from '../errors';
import { randomFromPool } from '../security/random-pool';
import { getIssuerState } from './issuer-cache';

// A signed ID token for an environment, minted from the dashboard by an admin (the claim
// inspector's "mint a token", Test connection). Unlike the token endpoint, the caller is a person,
// so the issuance is audited as `id_token.mint` in its own transaction before the token is
// returned, with the person as actor and the environment as target (jti, audience, kid, expiry,
// purpose — never the token). The lifetime is short: at most DASHBOARD_TOKEN_MAX_SECONDS and never
// more than the organization's token lifetime.


type MintPurpose = 'inspector' | 'test_connection';

export interface MintedIdToken {
  token: string;
  expiresAt: Date;
  claims: IdTokenClaims;
  kid: string;
}

export async function mintEnvironmentIdToken(
  access: OrgAccess,
  envId: string,
  options: { audience?: string; lifetimeSeconds?: number; purpose: MintPurpose },
  now = new Date(),
): Promise<MintedIdToken> {
  const env = await getDb().environment.findFirst({
    where: { id: envId, orgId: access.orgId },
    select: { id: true, slug: true, stage: true, project: { select: { id: true, slug: true } }, org: { select: { slug: true } } },
  });
  if (!env) throw notFound('environment');
  const issuer = await getIssuerState(access.orgId, now);
  if (!issuer?.signer) throw new AppError(503, 'service_unavailable', 'This organization has no active signing key. An admin can rotate keys in the issuer settings.', undefined, { 'Retry-After': '5' });
  const audience = options.audience ?? issuer.settings.audiences[0] ?? 'sts.amazonaws.com';
  if (!issuer.settings.audiences.includes(audience)) {
    throw badRequest(`The audience "${audience}" is not allowed for this organization. Allowed: ${issuer.settings.audiences.join(', ')}.`, [{ path: 'audience', message: 'Not one of the organization’s allowed audiences.' }]);
  }
  const lifetimeSeconds = Math.max(60, Math.min(options.lifetimeSeconds ?? DASHBOARD_TOKEN_MAX_SECONDS, DASHBOARD_TOKEN_MAX_SECONDS, issuer.settings.tokenLifetimeSeconds));
  const seconds = Math.floor(now.getTime() / 1000);
  const jti = randomFromPool(16).toString('base64url');
  const claims = buildIdTokenClaims(
    { orgId: access.orgId, orgSlug: env.org.slug, projectId: env.project.id, projectSlug: env.project.slug, environmentId: env.id, environmentSlug: env.slug, stage: env.stage },
    { issuer: issuer.issuer, audience, now: seconds, lifetimeSeconds, jti, subjectTemplate: issuer.settings.subjectTemplate, sessionTags: issuer.settings.sessionTags },
  );
  const token = issuer.signer.sign(claims);
  const expiresAt = new Date(claims.exp * 1000);
  await recordAudit(getDb(), {
    orgId: access.orgId,
    actor: access.actor,
    action: 'id_token.mint',
    target: { type: 'environment', id: env.id, label: `${env.project.slug}/${env.slug}` },
    after: { jti, audience, kid: issuer.signer.kid, expiresAt: expiresAt.toISOString(), purpose: options.purpose },
    requestId: access.meta.requestId,
    ipAddress: access.meta.ipAddress,
  }, now);
  return { token, expiresAt, claims, kid: issuer.signer.kid };
}
