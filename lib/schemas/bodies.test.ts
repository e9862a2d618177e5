import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZAuditQuery } from './audit';
import { ZLogin, ZSetupInput } from './auth';
import { ZUpdateIssuerSettings, ZAudience, ZSubjectTemplate, ZTokenRequest } from './issuer';
import { ZAcceptInvitation, ZAddMember, ZInvitationToken } from './members';
import { ZCreateOrganization } from './organizations';
import { ZCreateEnvironment } from './projects';
import { ZCreateEnvironmentToken } from './tokens';
import { ZEvaluateBody, ZLintBody } from './trust-policy';

// Request bodies as the route handlers and forms parse them. Every refusal names the field.
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));
const ID = '01m8474fmb8q3dvcafhgt5c8g9';

describe('organizations and environments', () => {
  it('organization: name and slug, trimmed', () => {
    expect(ZCreateOrganization.parse({ name: ' Acme ', slug: ' acme ' })).toEqual({ name: 'Acme', slug: 'acme' });
    expect(paths(ZCreateOrganization.safeParse({ name: '', slug: 'Acme' }))).toEqual(['name', 'slug']);
  });

  it.each([
    [{ projectId: ID, name: 'Prod', slug: 'prod', stage: 'production' }, []],
    [{ projectId: 'x', name: 'Prod', slug: 'prod', stage: 'production' }, ['projectId']],
    [{ projectId: ID, name: 'Prod', slug: 'prod', stage: 'live' }, ['stage']],
    [{ projectId: ID, name: 'Prod', slug: 'prod' }, ['stage']],
    [{}, ['projectId', 'name', 'slug', 'stage']],
  ])('environment %j → errors at %j', (body, errorPaths) => {
    expect(paths(ZCreateEnvironment.safeParse(body))).toEqual(errorPaths);
  });
});

describe('auth and members', () => {
  it.each([
    [{ email: 'Ada@Example.com', password: 'x' }, []],
    [{ email: 'ada@example.com', password: '' }, ['password']],
    [{ email: 'ada@example.com', password: 'x'.repeat(257) }, ['password']],
    [{ email: 'ada', password: 'x' }, ['email']],
  ])('login %j → errors at %j', (body, errorPaths) => {
    expect(paths(ZLogin.safeParse(body))).toEqual(errorPaths);
  });

  it('setup: the code is trimmed and required; the password follows the new-password rule', () => {
    const body = { code: ' ABCD-EFGH-JKMN ', name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' };
    expect(ZSetupInput.parse(body).code).toBe('ABCD-EFGH-JKMN');
    expect(ZSetupInput.safeParse({ ...body, code: '   ' }).error?.issues[0]?.message).toBe('Enter the setup code from the server log.');
    expect(paths(ZSetupInput.safeParse({ ...body, code: 'x'.repeat(65), password: 'short' }))).toEqual(['code', 'password']);
  });

  it.each([
    [`tbi_${'a'.repeat(43)}`, true],
    [`tbi_${'a'.repeat(42)}`, false],
    [`tbe_${'a'.repeat(43)}`, false],
    [`tbi_${'a'.repeat(42)}=`, false],
  ])('invitation token %j → %s', (token, ok) => {
    expect(ZInvitationToken.safeParse(token).success).toBe(ok);
  });

  it('add member and accept invitation', () => {
    expect(ZAddMember.parse({ email: ' Grace@Example.com', role: 'member' })).toEqual({ email: 'grace@example.com', role: 'member' });
    expect(paths(ZAddMember.safeParse({ email: 'grace@example.com', role: 'root' }))).toEqual(['role']);
    expect(paths(ZAcceptInvitation.safeParse({ token: 'tbi_x', name: '', password: 'short' }))).toEqual(['token', 'name', 'password']);
  });
});

describe('environment tokens (frozen clock)', () => {
  const NOW = new Date('2026-11-23T12:00:00.000Z');
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    [undefined, true, null],
    [null, true, null],
    ['2026-11-23T12:00:01Z', true, null],
    ['2027-01-31T00:00:00+01:00', true, null],
    ['2028-11-23T11:59:59Z', true, null],
    ['2026-11-23T12:00:00Z', false, 'The expiry must be in the future.'],
    ['2026-11-22T00:00:00Z', false, 'The expiry must be in the future.'],
    ['2028-11-24T12:00:00Z', false, 'Tokens can live at most two years.'],
    ['2027-01-31', false, 'Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z.'],
    ['tomorrow', false, 'Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z.'],
  ])('expiresAt %j → %s', (expiresAt, ok, message) => {
    const result = ZCreateEnvironmentToken.safeParse({ name: 'CI', expiresAt });
    expect(result.success).toBe(ok);
    if (!ok) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('issuer settings', () => {
  it.each([
    ['sts.amazonaws.com', true],
    ['api://deploy', true],
    ['x'.repeat(255), true],
    ['x'.repeat(256), false],
    ['', false],
    ['with space', false],
    ['tab\t', true],
    ['é', false],
  ])('audience %j → %s', (audience, ok) => {
    // Trimmed first: a trailing tab is whitespace, not part of the audience.
    expect(ZAudience.safeParse(audience).success).toBe(ok);
  });

  it.each([
    [['org'], true],
    [['org', 'project', 'environment', 'stage', 'project_id', 'environment_id'], true],
    [[], false],
    [['project', 'org'], false],
    [['org', 'org'], false],
    [['org', 'team'], false],
  ])('subject template %j → %s', (template, ok) => {
    expect(ZSubjectTemplate.safeParse(template).success).toBe(ok);
  });

  it.each([
    [{ version: 1 }, []],
    [{ version: 1, tokenLifetimeSeconds: 60 }, []],
    [{ version: 1, tokenLifetimeSeconds: 3600 }, []],
    [{ version: 1, tokenLifetimeSeconds: 59 }, ['tokenLifetimeSeconds']],
    [{ version: 1, tokenLifetimeSeconds: 3601 }, ['tokenLifetimeSeconds']],
    [{ version: 1, audiences: [] }, ['audiences']],
    [{ version: 1, audiences: ['a', 'a'] }, ['audiences']],
    [{ version: 1, audiences: Array.from({ length: 101 }, (_, i) => `aud-${i}`) }, ['audiences']],
    [{ version: 1, rotationPeriodDays: 6 }, ['rotationPeriodDays']],
    [{ version: 1, rotationLeadHours: 169 }, ['rotationLeadHours']],
    [{ version: 1, algorithm: 'EdDSA' }, ['algorithm']],
    [{ version: 0 }, ['version']],
    [{}, ['version']],
  ])('update %j → errors at %j', (body, errorPaths) => {
    expect(paths(ZUpdateIssuerSettings.safeParse(body))).toEqual(errorPaths);
  });

  it('a token request takes only an audience', () => {
    expect(ZTokenRequest.parse({})).toEqual({});
    expect(ZTokenRequest.safeParse({ audience: 'sts.amazonaws.com', scope: 'x' }).success).toBe(false);
  });
});

describe('audit query', () => {
  it.each([
    [{ action: 'project.create' }, true],
    [{ action: 'Project.Create' }, false],
    [{ action: "x' OR 1=1" }, false],
    [{ targetType: 'environment_token' }, true],
    [{ targetType: 'environment-token' }, false],
    [{ targetId: ID }, true],
    [{ since: '2026-11-23T12:00:00Z', until: '2026-11-23T13:00:00+01:00' }, true],
    [{ since: '2026-11-23' }, false],
  ])('%j → %s', (query, ok) => {
    expect(ZAuditQuery.safeParse(query).success).toBe(ok);
  });
});

describe('trust-policy bodies', () => {
  const policy = { Version: '2012-10-17', Statement: [] };
  it.each([
    [{ policy, request: { principal: 'arn:aws:iam::111122223333:oidc-provider/x', action: 'sts:AssumeRoleWithWebIdentity' } }, true],
    [{ policy: JSON.stringify(policy), token: 'eyJ.x.y', accountId: '111122223333' }, true],
    [{ policy, token: 'eyJ.x.y', accountId: '1111' }, false],
    [{ policy, token: 'x'.repeat(20_001) }, false],
    [{ policy, token: 'x', roleSessionName: 'a' }, false],
    [{ policy, token: 'x', extra: true }, false],
    [{ policy }, false],
    [{ policy: 'x'.repeat(65_537), token: 'x' }, false],
  ])('evaluate %#', (body, ok) => {
    expect(ZEvaluateBody.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ policy }, true],
    [{ policy, issuer: 'https://tb.example.com/oidc/x' }, true],
    [{ policy, issuer: 'ftp://tb.example.com' }, false],
    [{}, false],
    [{ policy, unknown: 1 }, false],
  ])('lint %#', (body, ok) => {
    expect(ZLintBody.safeParse(body).success).toBe(ok);
  });
});
