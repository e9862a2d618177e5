import { renderSubject, type SubjectTemplate } from './subject-template';

// The ID token's claims (PRODUCT.md, "ID token"): flat, `aud` a single string, lifetime set per
// organization (1–60 minutes), `nbf` = `iat`. With session tags on, the AWS tag claim is added:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-idp

export const TOKEN_LIFETIME_MIN_SECONDS = 60;
export const TOKEN_LIFETIME_MAX_SECONDS = 3600;
/** A signed token minted from the dashboard (inspector, Test connection) lives at most this long. */
export const DASHBOARD_TOKEN_MAX_SECONDS = 300;
export const AWS_TAGS_CLAIM = 'https://aws.amazon.com/tags';

// AWS session-tag limits: at most 50 tags, key ≤ 128 characters, value ≤ 256 characters.
export const AWS_MAX_SESSION_TAGS = 50;
export const AWS_MAX_TAG_KEY_LENGTH = 128;
export const AWS_MAX_TAG_VALUE_LENGTH = 256;

export interface TokenSubjectContext {
  orgId: string;
  orgSlug: string;
  projectId: string;
  projectSlug: string;
  environmentId: string;
  environmentSlug: string;
  stage: string;
}

export interface SessionTagsClaim {
  principal_tags: Record<string, [string]>;
  transitive_tag_keys: string[];
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  org_id: string;
  org_slug: string;
  project_id: string;
  project_slug: string;
  environment_id: string;
  environment_slug: string;
  environment_stage: string;
  [AWS_TAGS_CLAIM]?: SessionTagsClaim;
}

export interface ClaimOptions {
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  now: number;
  lifetimeSeconds: number;
  jti: string;
  subjectTemplate: SubjectTemplate;
  sessionTags: boolean;
}

export function sessionTagsFor(ctx: TokenSubjectContext): SessionTagsClaim {
  const principal_tags: Record<string, [string]> = {
    org_id: [ctx.orgId],
    project: [ctx.projectSlug],
    environment: [ctx.environmentSlug],
    stage: [ctx.stage],
  };
  return { principal_tags, transitive_tag_keys: Object.keys(principal_tags) };
}

/** Names the first AWS session-tag limit the claim breaks, or null. */
export function sessionTagsProblem(claim: SessionTagsClaim): string | null {
  const entries = Object.entries(claim.principal_tags);
  if (entries.length > AWS_MAX_SESSION_TAGS) return `more than ${AWS_MAX_SESSION_TAGS} session tags`;
  for (const [key, values] of entries) {
    if (key.length > AWS_MAX_TAG_KEY_LENGTH) return `tag key ${key} is longer than ${AWS_MAX_TAG_KEY_LENGTH} characters`;
    if (values[0].length > AWS_MAX_TAG_VALUE_LENGTH) return `tag ${key} has a value longer than ${AWS_MAX_TAG_VALUE_LENGTH} characters`;
  }
  return null;
}

export function buildIdTokenClaims(ctx: TokenSubjectContext, opts: ClaimOptions): IdTokenClaims {
  const claims: IdTokenClaims = {
    iss: opts.issuer,
    sub: renderSubject(opts.subjectTemplate, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      projectSlug: ctx.projectSlug,
      environmentId: ctx.environmentId,
      environmentSlug: ctx.environmentSlug,
      stage: ctx.stage,
    }),
    aud: opts.audience,
    iat: opts.now,
    nbf: opts.now,
    exp: opts.now + opts.lifetimeSeconds,
    jti: opts.jti,
    org_id: ctx.orgId,
    org_slug: ctx.orgSlug,
    project_id: ctx.projectId,
    project_slug: ctx.projectSlug,
    environment_id: ctx.environmentId,
    environment_slug: ctx.environmentSlug,
    environment_stage: ctx.stage,
  };
  if (opts.sessionTags) claims[AWS_TAGS_CLAIM] = sessionTagsFor(ctx);
  return claims;
}

export const CLAIMS_SUPPORTED = [
  'iss',
  'sub',
  'aud',
  'iat',
  'nbf',
  'exp',
  'jti',
  'org_id',
  'org_slug',
  'project_id',
  'project_slug',
  'environment_id',
  'environment_slug',
  'environment_stage',
  AWS_TAGS_CLAIM,
] as const;
