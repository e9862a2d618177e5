import { describe, expect, it } from 'vitest';
import { resolveEffectiveCredential, roleSessionNameForEnvironment, type CredentialLayer } from './effective-credential';
import { ROLE_SESSION_NAME_PATTERN } from './limits';

const org: CredentialLayer = { id: 'c-org', name: 'Org default', projectId: null, roleArn: 'arn:aws:iam::111111111111:role/org', durationSeconds: 1800, audience: 'sts.amazonaws.com', region: 'eu-west-1' };
const project: CredentialLayer = { id: 'c-web', name: 'Web', projectId: 'p-web', roleArn: 'arn:aws:iam::222222222222:role/web', durationSeconds: 7200, audience: 'api://web', region: null };
const override = { roleArn: 'arn:aws:iam::333333333333:role/env', durationSeconds: null, version: 3, updatedAt: '2026-12-06T00:00:00.000Z' };

describe('resolveEffectiveCredential: override → project → organization', () => {
  it('nothing → null', () => expect(resolveEffectiveCredential({ override: null, project: null, organization: null })).toBeNull());

  it('organization only', () => {
    expect(resolveEffectiveCredential({ override: null, project: null, organization: org })).toEqual({
      source: 'organization',
      roleArn: org.roleArn,
      durationSeconds: 1800,
      audience: 'sts.amazonaws.com',
      region: 'eu-west-1',
      credential: { id: 'c-org', name: 'Org default', scope: 'organization', projectId: null },
      override: null,
      fieldSources: { roleArn: 'organization', durationSeconds: 'organization', audience: 'organization', region: 'organization' },
    });
  });

  it('a project credential wins over the organization and takes nothing from it (its empty region stays empty)', () => {
    const e = resolveEffectiveCredential({ override: null, project, organization: org });
    expect(e).toMatchObject({ source: 'project', roleArn: project.roleArn, durationSeconds: 7200, audience: 'api://web', region: null, credential: { id: 'c-web', scope: 'project' } });
    expect(e?.fieldSources).toEqual({ roleArn: 'project', durationSeconds: 'project', audience: 'project', region: 'default' });
  });

  it('an override wins; without its own duration it inherits the project credential’s duration and audience', () => {
    const e = resolveEffectiveCredential({ override, project, organization: org });
    expect(e).toMatchObject({ source: 'environment', roleArn: override.roleArn, durationSeconds: 7200, audience: 'api://web', region: null, credential: { id: 'c-web' }, override });
    expect(e?.fieldSources).toEqual({ roleArn: 'environment', durationSeconds: 'project', audience: 'project', region: 'default' });
  });

  it('an override with its own duration, over the organization credential only', () => {
    const e = resolveEffectiveCredential({ override: { ...override, durationSeconds: 900 }, project: null, organization: org });
    expect(e).toMatchObject({ source: 'environment', durationSeconds: 900, audience: 'sts.amazonaws.com', region: 'eu-west-1', credential: { id: 'c-org', scope: 'organization' } });
    expect(e?.fieldSources).toEqual({ roleArn: 'environment', durationSeconds: 'environment', audience: 'organization', region: 'organization' });
  });

  it('an override alone: 3600 s and sts.amazonaws.com by default', () => {
    const e = resolveEffectiveCredential({ override, project: null, organization: null });
    expect(e).toMatchObject({ source: 'environment', durationSeconds: 3600, audience: 'sts.amazonaws.com', region: null, credential: null });
    expect(e?.fieldSources).toEqual({ roleArn: 'environment', durationSeconds: 'default', audience: 'default', region: 'default' });
  });
});

describe('roleSessionNameForEnvironment', () => {
  it.each([
    ['web', 'prod', 'web.prod'],
    ['a', 'b', 'a.b'],
    ['p'.repeat(40), 'e'.repeat(40), `${'p'.repeat(40)}.${'e'.repeat(23)}`],
  ])('%s/%s → %s, always valid for STS', (p, e, expected) => {
    const name = roleSessionNameForEnvironment(p, e);
    expect(name).toBe(expected);
    expect(name).toMatch(ROLE_SESSION_NAME_PATTERN);
  });
});
