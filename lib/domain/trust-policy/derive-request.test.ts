import { describe, expect, it } from 'vitest';
import { deriveRequestFromClaims, issuerKeyPrefix, oidcProviderArn } from './derive-request';

const opts = { issuer: 'https://tb.example.com/oidc/org_abc', accountId: '111122223333' };
const P = 'tb.example.com/oidc/org_abc';

describe('issuerKeyPrefix', () => {
  it.each([
    ['https://tb.example.com/oidc/org_abc', 'tb.example.com/oidc/org_abc'],
    ['https://tb.example.com/oidc/org_abc/', 'tb.example.com/oidc/org_abc'],
    ['HTTPS://token.actions.githubusercontent.com', 'token.actions.githubusercontent.com'],
    ['https://gitlab.com//', 'gitlab.com'],
    ['http://localhost:3000/oidc/org_abc', 'localhost:3000/oidc/org_abc'],
  ])('%s → %s', (issuer, prefix) => {
    expect(issuerKeyPrefix(issuer)).toBe(prefix);
  });

  it('builds the provider ARN from the prefix', () => {
    expect(oidcProviderArn('https://tb.example.com/oidc/org_abc/', '111122223333')).toBe('arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_abc');
  });
});

describe('deriveRequestFromClaims', () => {
  it('maps sub, aud (no azp) and the provider principal', () => {
    expect(deriveRequestFromClaims({ sub: 'org:abc:x', aud: 'sts.amazonaws.com', org_id: 'abc' }, opts)).toEqual({
      principal: `arn:aws:iam::111122223333:oidc-provider/${P}`,
      action: 'sts:AssumeRoleWithWebIdentity',
      context: { [`${P}:sub`]: 'org:abc:x', [`${P}:aud`]: 'sts.amazonaws.com' },
    });
  });

  it('uses azp for :aud when present, and exposes :azp', () => {
    const r = deriveRequestFromClaims({ sub: 's', aud: ['a', 'b'], azp: 'client' }, opts);
    expect(r.context[`${P}:aud`]).toBe('client');
    expect(r.context[`${P}:azp`]).toBe('client');
  });

  it('uses every aud value when aud is a list', () => {
    expect(deriveRequestFromClaims({ sub: 's', aud: ['a', 'b'] }, opts).context[`${P}:aud`]).toEqual(['a', 'b']);
    expect(deriveRequestFromClaims({ sub: 's', aud: ['a'] }, opts).context[`${P}:aud`]).toBe('a');
  });

  it('keeps amr multivalued', () => {
    expect(deriveRequestFromClaims({ amr: 'pwd' }, opts).context[`${P}:amr`]).toEqual(['pwd']);
    expect(deriveRequestFromClaims({ amr: ['pwd', 'mfa'] }, opts).context[`${P}:amr`]).toEqual(['pwd', 'mfa']);
  });

  it('turns session tags into aws:RequestTag, aws:TagKeys and sts:TransitiveTagKeys', () => {
    const r = deriveRequestFromClaims(
      { sub: 's', 'https://aws.amazon.com/tags': { principal_tags: { project: ['web'], stage: ['production'], bad: 5 }, transitive_tag_keys: ['project'] } },
      { ...opts, roleSessionName: 'env-web', action: 'sts:TagSession' },
    );
    expect(r.action).toBe('sts:TagSession');
    expect(r.context).toMatchObject({
      'aws:RequestTag/project': 'web',
      'aws:RequestTag/stage': 'production',
      'aws:TagKeys': ['project', 'stage'],
      'sts:TransitiveTagKeys': ['project'],
      'sts:RoleSessionName': 'env-web',
    });
    expect(r.context['aws:RequestTag/bad']).toBeUndefined();
  });

  it('an empty session-tag value is null: its key is in aws:TagKeys, its value is not in the request', () => {
    const r = deriveRequestFromClaims({ sub: 's', 'https://aws.amazon.com/tags': { principal_tags: { team: [''], stage: ['production'], both: ['', 'x'] }, transitive_tag_keys: ['team', ''] } }, opts);
    expect(r.context).toEqual({ [`${P}:sub`]: 's', 'aws:RequestTag/stage': 'production', 'aws:RequestTag/both': 'x', 'aws:TagKeys': ['team', 'stage', 'both'], 'sts:TransitiveTagKeys': ['team'] });
  });

  it('ignores claims AWS does not see and claims of the wrong type', () => {
    const r = deriveRequestFromClaims({ sub: 5, environment_slug: 'dev', aud: null, 'https://aws.amazon.com/tags': 'x' }, opts);
    expect(r.context).toEqual({});
  });
});
