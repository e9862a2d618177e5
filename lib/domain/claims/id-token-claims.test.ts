import { describe, expect, it } from 'vitest';
import { AWS_TAGS_CLAIM, buildIdTokenClaims, sessionTagsFor, sessionTagsProblem, type TokenSubjectContext } from './id-token-claims';
import { DEFAULT_SUBJECT_TEMPLATE } from './subject-template';

const ctx: TokenSubjectContext = {
  orgId: '01m8474fmb8q3dvcafhgt5c8g9',
  orgSlug: 'acme',
  projectId: '01m848dctdt1dx58hbqd11hvze',
  projectSlug: 'web',
  environmentId: '01m848dcxsxvcm2b5t15fy43ad',
  environmentSlug: 'prod',
  stage: 'production',
};
const opts = { issuer: 'https://tb.example/oidc/01m8474fmb8q3dvcafhgt5c8g9', audience: 'sts.amazonaws.com', now: 1_795_000_000, lifetimeSeconds: 600, jti: 'j1', subjectTemplate: DEFAULT_SUBJECT_TEMPLATE, sessionTags: false };

describe('buildIdTokenClaims', () => {
  it('has exactly the flat claims of PRODUCT.md, aud a single string, nbf = iat, exp = iat + lifetime', () => {
    const claims = buildIdTokenClaims(ctx, opts);
    expect(Object.keys(claims)).toEqual(['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti', 'org_id', 'org_slug', 'project_id', 'project_slug', 'environment_id', 'environment_slug', 'environment_stage']);
    expect(claims).toMatchObject({ aud: 'sts.amazonaws.com', iat: 1_795_000_000, nbf: 1_795_000_000, exp: 1_795_000_600, sub: 'org:01m8474fmb8q3dvcafhgt5c8g9:project:web:environment:prod' });
  });

  it('adds the AWS session-tag claim only when enabled', () => {
    const claims = buildIdTokenClaims(ctx, { ...opts, sessionTags: true });
    expect(claims[AWS_TAGS_CLAIM]).toEqual({
      principal_tags: { org_id: [ctx.orgId], project: ['web'], environment: ['prod'], stage: ['production'] },
      transitive_tag_keys: ['org_id', 'project', 'environment', 'stage'],
    });
    expect(AWS_TAGS_CLAIM in buildIdTokenClaims(ctx, opts)).toBe(false);
  });

  it('follows a custom subject template', () => {
    expect(buildIdTokenClaims(ctx, { ...opts, subjectTemplate: ['org', 'stage', 'environment_id'] }).sub).toBe(`org:${ctx.orgId}:stage:production:environment_id:${ctx.environmentId}`);
  });
});

describe('sessionTagsProblem (AWS limits: 50 tags, key ≤ 128, value ≤ 256)', () => {
  it('accepts our tags', () => expect(sessionTagsProblem(sessionTagsFor(ctx))).toBeNull());
  it('names a value that is too long', () => {
    expect(sessionTagsProblem(sessionTagsFor({ ...ctx, stage: 'x'.repeat(257) }))).toMatch(/stage/);
  });
  it('names a key that is too long and too many tags', () => {
    expect(sessionTagsProblem({ principal_tags: { ['k'.repeat(129)]: ['v'] }, transitive_tag_keys: [] })).toMatch(/longer than 128/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['v'] as [string]]));
    expect(sessionTagsProblem({ principal_tags: many, transitive_tag_keys: [] })).toMatch(/more than 50/);
  });
});
