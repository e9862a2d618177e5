// The claims of an environment's ID token as far as AWS can see them (PRODUCT.md, "ID token" and
// "Session tags"): used by the reach preview and its tests to derive exactly the request STS would
// evaluate for each environment.
import { TAGS_CLAIM } from './derive-request';

export interface ReachEnvironment {
  id: string;
  slug: string;
  projectSlug: string;
  projectId: string;
  stage: string;
  /** The environment's `sub`, rendered with the organization's subject template. */
  sub: string;
}

export interface ReachContext {
  issuer: string;
  accountId: string;
  orgId?: string;
  /** Default `sts.amazonaws.com`. */
  audience?: string;
  sessionTags?: boolean;
  transitiveTagKeys?: string[];
}

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

export function claimsForEnvironment(env: ReachEnvironment, ctx: ReachContext): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    iss: ctx.issuer,
    sub: env.sub,
    aud: ctx.audience ?? DEFAULT_AUDIENCE,
    ...(ctx.orgId !== undefined ? { org_id: ctx.orgId } : {}),
    project_id: env.projectId,
    project_slug: env.projectSlug,
    environment_id: env.id,
    environment_slug: env.slug,
    environment_stage: env.stage,
  };
  if (ctx.sessionTags === true) {
    claims[TAGS_CLAIM] = {
      principal_tags: {
        ...(ctx.orgId !== undefined ? { org_id: [ctx.orgId] } : {}),
        project: [env.projectSlug],
        environment: [env.slug],
        stage: [env.stage],
      },
      ...(ctx.transitiveTagKeys && ctx.transitiveTagKeys.length > 0 ? { transitive_tag_keys: [...ctx.transitiveTagKeys] } : {}),
    };
  }
  return claims;
}
